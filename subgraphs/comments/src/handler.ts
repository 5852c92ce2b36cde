import { SERVICES } from '@bff/kit/catalogue';
import { configuredOnFirstRequest } from '@bff/kit/subgraph';

import { createCommentsHandler } from './createCommentsHandler';
import { commentsSettings } from './settings';

/** Lambda entry of the comments subgraph (API Gateway HTTP API, payload 2.0): its environment is read here, once. */
export const handler = configuredOnFirstRequest(SERVICES.comments.name, () => createCommentsHandler(commentsSettings(process.env)));
