import type { Scenario } from '../scenario';
import { commentsOutage } from './commentsOutage';
import { healthy } from './healthy';
import { sigint } from './sigint';
import { writes } from './writes';
import { writesCommentsRestart } from './writesCommentsRestart';

/** Every scenario `--scenario` accepts, by name. */
export const SCENARIOS: Readonly<Record<string, Scenario>> = Object.fromEntries(
  [healthy, commentsOutage, writes, writesCommentsRestart, sigint].map((scenario) => [scenario.name, scenario]),
);
