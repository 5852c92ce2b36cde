/**
 * The callers the two services sign their calls to each other as. User ids
 * are UUIDs, so no user's token carries one of these; like any caller, only a
 * holder of the internal signing secret can sign them. The articles service
 * has the same two values (its `serviceCallers.ts`).
 */
export const ARTICLES_SERVICE_CALLER = 'service:articles';
export const COMMENTS_SERVICE_CALLER = 'service:comments';
