import { commentsSettings } from '../../src/settings';

describe('commentsSettings: the comments Lambda environment, read once', () => {
  it('falls back to the local names, a sweep a minute and a 2 s limit for articles', () => {
    expect(commentsSettings({})).toMatchObject({
      tableName: 'comments',
      idempotencyTableName: 'comments-idempotency',
      articlesUrl: undefined,
      articlesTimeoutMs: 2000,
      articleCleanupSweepSeconds: 60,
    });
  });

  it('takes the stack’s names and articles’ URL, which production requires', () => {
    const settings = commentsSettings({ COMMENTS_TABLE: 'prod-comments', ARTICLES_URL: 'http://articles/graphql', ARTICLES_TIMEOUT_MS: '900', ARTICLE_CLEANUP_SWEEP_SECONDS: '0' });
    expect(settings).toMatchObject({ tableName: 'prod-comments', articlesUrl: 'http://articles/graphql', articlesTimeoutMs: 900, articleCleanupSweepSeconds: 0 });
    expect(settings.productionEnv).toEqual({ COMMENTS_TABLE: 'prod-comments', COMMENTS_IDEMPOTENCY_TABLE: undefined, ARTICLES_URL: 'http://articles/graphql' });
    expect(() => commentsSettings({ ARTICLE_CLEANUP_SWEEP_SECONDS: '-1' })).toThrow(/ARTICLE_CLEANUP_SWEEP_SECONDS/);
  });
});
