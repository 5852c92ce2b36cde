import { createArticlesHandler } from './createArticlesHandler';
import { articlesSettings } from './settings';

/** Lambda entry of the articles subgraph (API Gateway HTTP API, payload 2.0): its environment is read here, once. */
export const handler = createArticlesHandler(articlesSettings(process.env));
