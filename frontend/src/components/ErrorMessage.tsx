import type { ApiError } from '../api/client';
import { errorMessage, type MessageOverrides } from '../api/errorMessage';

/** A failed request, told to the user next to what failed; `role="alert"` has it read out. */
export function ErrorMessage({ error, messages }: { error: ApiError | null; messages?: MessageOverrides }) {
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {errorMessage(error, messages)}
    </p>
  );
}
