import type { Scenario } from '../scenario';
import { commentsOutage } from './commentsOutage';
import { healthy } from './healthy';

/** Every scenario `--scenario` accepts, by name. */
export const SCENARIOS: Readonly<Record<string, Scenario>> = Object.fromEntries(
  [healthy, commentsOutage].map((scenario) => [scenario.name, scenario]),
);
