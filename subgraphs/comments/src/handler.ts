import { createCommentsHandler } from './createCommentsHandler';
import { commentsSettings } from './settings';

/** Lambda entry of the comments subgraph (API Gateway HTTP API, payload 2.0): its environment is read here, once. */
export const handler = createCommentsHandler(commentsSettings(process.env));
