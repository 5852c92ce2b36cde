import type { DataLoader, RequestContext } from '@bff/kit/subgraph';

import type { ArticleRecord } from './service/articlesRepository';
import type { ArticlesService } from './service/articlesService';

/** What the articles resolvers get for one request. */
export interface ArticlesContext extends RequestContext {
  /** The service, with a comments client that speaks for this request. */
  service: ArticlesService;
  /** Articles by id for this request: every lookup of a request (`_entities` too) in one BatchGetItem per 100. */
  articlesById: DataLoader<string, ArticleRecord | null>;
}
