import { articlesSettings } from '../../src/settings';

describe('articlesSettings: the articles Lambda environment, read once', () => {
  it('falls back to the local names, no comments URL and a 2 s limit for comments', () => {
    expect(articlesSettings({})).toMatchObject({
      tableName: 'articles',
      idempotencyTableName: 'articles-idempotency',
      commentsUrl: undefined,
      commentsTimeoutMs: 2000,
      productionEnv: { ARTICLES_TABLE: undefined, ARTICLES_IDEMPOTENCY_TABLE: undefined },
    });
  });

  it('takes the stack’s names, and comments’ URL and limit when given (the URL is never required)', () => {
    const settings = articlesSettings({ ARTICLES_TABLE: 'prod-articles', COMMENTS_URL: 'http://comments/graphql', COMMENTS_TIMEOUT_MS: '1500' });
    expect(settings).toMatchObject({ tableName: 'prod-articles', commentsUrl: 'http://comments/graphql', commentsTimeoutMs: 1500 });
    expect(Object.keys(settings.productionEnv).sort()).toEqual(['ARTICLES_IDEMPOTENCY_TABLE', 'ARTICLES_TABLE']);
    expect(() => articlesSettings({ COMMENTS_TIMEOUT_MS: '0' })).toThrow(/COMMENTS_TIMEOUT_MS/);
  });
});
