import { isConditionalCheckFailure } from '@bff/kit/subgraph';

/** A conditional write's output, or null when its condition refused it. */
export const unlessRefused = <T>(write: Promise<T>): Promise<T | null> =>
  write.catch((error: unknown) => (isConditionalCheckFailure(error) ? null : Promise.reject(error as Error)));
