import { SERVICES } from '@bff/kit/catalogue';
import { configuredOnFirstRequest } from '@bff/kit/subgraph';

import { createUsersHandler } from './createUsersHandler';
import { usersSettings } from './settings';

/** Lambda entry of the users subgraph (API Gateway HTTP API, payload 2.0): its environment is read here, once. */
export const handler = configuredOnFirstRequest(SERVICES.users.name, () => createUsersHandler(usersSettings(process.env)));
