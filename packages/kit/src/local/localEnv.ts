import { z } from 'zod';

import { envVar } from '../env/parseEnv';
import { DEFAULT_SHUTDOWN_GRACE_MS } from './gracefulClose';

/** The variables of the kit's local pieces, for a local entry (`npm start`, the CLIs) to extend and parse. */
export const localEnvSchema = z.object({
  /** How long requests in flight may take to finish when a local server or the local store stops (ms). */
  SHUTDOWN_GRACE_MS: envVar.int(DEFAULT_SHUTDOWN_GRACE_MS),
});
