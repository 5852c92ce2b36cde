import type { DataLoader, RequestContext } from '@bff/kit/subgraph';

import type { ArticlesDirectory } from './service/articlesDirectory';
import type { CommentRecord } from './service/commentsRepository';
import type { CommentsService } from './service/commentsService';

/** What the comments resolvers get for one request. */
export interface CommentsContext extends RequestContext {
  service: CommentsService;
  /** The articles service, asked on behalf of this request. */
  articles: ArticlesDirectory;
  /** Comments by id for this request: every lookup of a request (`_entities` too) in one BatchGetItem per 100. */
  commentsById: DataLoader<string, CommentRecord | null>;
  /** Articles' comment counts for this request: all `commentCount` fields in one BatchGetItem per 100 articles. */
  commentCounts: DataLoader<string, number>;
}
