import { ForbiddenError, NotFoundError, ServiceUnavailableError } from '@bff/kit/errors';

import { type ArticlesDirectory, ArticlesUnavailableError } from '../../src/service/articlesDirectory';
import { CommentCounter, SETTLE_AFTER_MS } from '../../src/service/commentCounter';
import { CommentsService } from '../../src/service/commentsService';
import { InMemoryCommentCounts, InMemoryCommentsRepository } from '../inMemoryComments';

const ADA = { userId: 'user-ada' };

/** An articles service that knows these articles, or is down. */
function articlesDirectory(known: string[], down = false): ArticlesDirectory {
  const answer = <T>(value: T) => (down ? Promise.reject(new ArticlesUnavailableError('articles did not answer')) : Promise.resolve(value));
  return {
    exists: (articleId) => answer(known.includes(articleId)),
    pendingDeletions: () => answer([]),
    confirmCleanup: () => answer(undefined),
  };
}

describe('CommentsService and CommentCounter, over in-memory repositories', () => {
  let comments: InMemoryCommentsRepository;
  let counts: InMemoryCommentCounts;
  let service: CommentsService;
  let counter: CommentCounter;
  const articles = articlesDirectory(['art-1', 'art-2']);
  const countOf = async (articleId: string, now?: number) => (await counter.readCommentCounts([articleId], now)).get(articleId);
  beforeEach(() => {
    comments = new InMemoryCommentsRepository();
    counts = new InMemoryCommentCounts(comments);
    service = new CommentsService(comments, counts);
    counter = new CommentCounter(comments, counts);
  });

  it('counts each add and delete, and leaves no change behind', async () => {
    const { comment, unsettled } = await service.addComment(articles, ADA, { articleId: 'art-1', body: ' Hi ' });
    expect(comment).toMatchObject({ body: 'Hi', articleId: 'art-1', authorId: 'user-ada' });
    expect(unsettled).toBeUndefined();
    await service.addComment(articles, ADA, { articleId: 'art-1', body: 'Again' });
    expect(await service.deleteComment(ADA, comment.id)).toEqual({});
    expect(await countOf('art-1')).toBe(1);
    expect(counts.counters.get('art-1')?.changes).toEqual([]);
    await expect(service.deleteComment({ userId: 'user-grace' }, [...comments.comments.keys()][0]!)).rejects.toThrow(ForbiddenError);
  });

  it('writes nothing when articles cannot say whether the article exists, and refuses one that does not', async () => {
    await expect(service.addComment(articlesDirectory([], true), ADA, { articleId: 'art-1', body: 'Lost?' })).rejects.toThrow(ServiceUnavailableError);
    await expect(service.addComment(articles, ADA, { articleId: 'gone', body: 'Hello?' })).rejects.toThrow(NotFoundError);
    expect(comments.comments.size).toBe(0);
    expect(counts.counters.size).toBe(0);
  });

  it('says which change it could not settle, and the next read after SETTLE_AFTER_MS settles it', async () => {
    counts.failSettling = new Error('store down');
    const { unsettled } = await service.addComment(articles, ADA, { articleId: 'art-2', body: 'Counted later' });
    expect(unsettled).toMatchObject({ change: { kind: 'adding' }, error: new Error('store down') });
    counts.failSettling = undefined;
    expect(await countOf('art-2')).toBe(0);
    expect(await countOf('art-2', Date.now() + SETTLE_AFTER_MS)).toBe(1);
    expect(counts.counters.get('art-2')?.changes).toEqual([]);
  });

  it('fails with both errors when a write and the taking back of its change fail', async () => {
    comments.failNextPut = new Error('write failed');
    counts.failSettling = new Error('settle failed');
    const failure = service.addComment(articles, ADA, { articleId: 'art-1', body: 'x' });
    await expect(failure).rejects.toBeInstanceOf(AggregateError);
    await expect(failure).rejects.toMatchObject({ errors: [new Error('write failed'), new Error('settle failed')] });
  });

  it('takes back a comment written after its article was purged, and recounts a counter out of step', async () => {
    await service.purgeArticle('art-2');
    await expect(service.addComment(articles, ADA, { articleId: 'art-2', body: 'Too late' })).rejects.toThrow(NotFoundError);
    expect(comments.comments.size).toBe(0);

    await service.addComment(articles, ADA, { articleId: 'art-1', body: 'one' });
    await counts.addToCommentCount('art-1', 40);
    expect(await counter.recountComments('art-1', 0)).toEqual({ articleId: 'art-1', was: 41, counted: 1, changed: true });
    expect(await counter.recountComments('art-1', 0)).toEqual({ articleId: 'art-1', was: 1, counted: 1, changed: false });
  });
});
