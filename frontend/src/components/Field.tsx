import { useId } from 'react';

interface FieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password';
  /** A textarea with this many rows instead of a one-line input. */
  rows?: number;
  autoComplete?: string;
}

/**
 * A labelled text input or textarea. Lengths and formats are left to the server, whose
 * BAD_USER_INPUT messages are shown as they are, so the rules live in one place.
 */
export function Field({ label, value, onChange, type = 'text', rows, autoComplete }: FieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {rows ? (
        <textarea id={id} rows={rows} value={value} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input id={id} type={type} value={value} autoComplete={autoComplete} onChange={(event) => onChange(event.target.value)} />
      )}
    </div>
  );
}
