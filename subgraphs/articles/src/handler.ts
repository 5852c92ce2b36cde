import { SERVICES } from '@bff/kit/catalogue';
import { configuredOnFirstRequest } from '@bff/kit/subgraph';

import { createArticlesHandler } from './createArticlesHandler';
import { articlesSettings } from './settings';

/** Lambda entry of the articles subgraph (API Gateway HTTP API, payload 2.0): its environment is read here, once. */
export const handler = configuredOnFirstRequest(SERVICES.articles.name, () => createArticlesHandler(articlesSettings(process.env)));
