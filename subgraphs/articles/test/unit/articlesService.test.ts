import { ForbiddenError, NotFoundError, UnauthenticatedError } from '@bff/kit/errors';

import { ArticlesService } from '../../src/service/articlesService';
import { type CommentsCleaner, CommentsUnavailableError } from '../../src/service/commentsCleaner';
import { InMemoryArticlesRepository } from '../inMemoryArticlesRepository';

const ADA = { userId: 'user-ada' };
const GRACE = { userId: 'user-grace' };

/** A comments service that answers, is down, or breaks, as the test says; it records what it was asked to purge. */
class FakeComments implements CommentsCleaner {
  state: 'up' | 'down' | 'broken' = 'up';
  readonly purged: string[] = [];
  purge(articleId: string): Promise<number> {
    if (this.state === 'down') return Promise.reject(new CommentsUnavailableError('comments did not answer'));
    if (this.state === 'broken') return Promise.reject(new Error('a bug'));
    this.purged.push(articleId);
    return Promise.resolve(3);
  }
}

describe('ArticlesService, over an in-memory repository', () => {
  let repository: InMemoryArticlesRepository;
  let comments: FakeComments;
  let service: ArticlesService;
  const write = (title: string) => service.createArticle(ADA, { title, body: 'Body' });
  beforeEach(() => {
    repository = new InMemoryArticlesRepository();
    comments = new FakeComments();
    service = new ArticlesService(repository, comments);
  });

  it('lets only the author change an article, and tells "not yours" from "no such article"', async () => {
    const article = await write(' Hello ');
    expect(article).toMatchObject({ title: 'Hello', authorId: 'user-ada' });
    await expect(service.updateArticle(GRACE, article.id, { title: 'Mine' })).rejects.toThrow(ForbiddenError);
    await expect(service.updateArticle(ADA, 'missing', { title: 'Mine' })).rejects.toThrow(NotFoundError);
    await expect(service.updateArticle(null, article.id, { title: 'Mine' })).rejects.toThrow(UnauthenticatedError);
    expect(await service.updateArticle(ADA, article.id, { body: ' New ' })).toMatchObject({ title: 'Hello', body: 'New' });
  });

  it('deletes with its comments when comments answers, and finishes the clean-ups left by earlier failures', async () => {
    const [first, second, third] = [await write('1'), await write('2'), await write('3')];
    comments.state = 'down';
    const pending = await service.deleteArticle(ADA, first.id);
    expect(pending.cleanups).toHaveLength(1);
    expect(pending.cleanups[0]).toMatchObject({ articleId: first.id, outcome: 'pending' });
    expect(pending.cleanups[0]?.outcome === 'pending' && pending.cleanups[0].error).toBeInstanceOf(CommentsUnavailableError);
    expect(await service.deleteArticle(ADA, second.id)).toMatchObject({ cleanups: [{ articleId: second.id, outcome: 'pending' }] });
    expect(await repository.articleIdInUse(first.id)).toBe(true);

    comments.state = 'up';
    const deletion = await service.deleteArticle(ADA, third.id);
    expect(deletion.cleanups.map(({ articleId, outcome }) => [articleId, outcome])).toEqual([
      [third.id, 'purged'],
      [first.id, 'purged'],
      [second.id, 'purged'],
    ]);
    expect(comments.purged).toEqual([third.id, first.id, second.id]);
    expect(await repository.pendingDeletions(10)).toEqual([]);
  });

  it('leaves the clean-up to comments’ sweep without a comments service, and a delete stands whatever the clean-up does', async () => {
    const swept = await write('swept');
    expect(await new ArticlesService(repository, null).deleteArticle(ADA, swept.id)).toEqual({ cleanups: [{ articleId: swept.id, outcome: 'left-to-sweep' }] });
    comments.state = 'broken';
    const broken = await write('broken');
    expect(await service.deleteArticle(ADA, broken.id)).toEqual({ cleanups: [], failure: new Error('a bug') });
    expect(await repository.getArticles([swept.id, broken.id])).toEqual([]);
    expect((await repository.pendingDeletions(10)).map(({ id }) => id).sort()).toEqual([broken.id, swept.id].sort());
    await expect(service.deleteArticle(ADA, broken.id)).rejects.toThrow(NotFoundError);
  });

  it('answers the comments service alone about pending clean-ups', async () => {
    await expect(service.listPendingDeletions(ADA, 10)).rejects.toThrow(ForbiddenError);
    await expect(service.confirmDeletionCleanup({ userId: 'service:articles' }, 'x')).rejects.toThrow(ForbiddenError);
    await expect(service.listPendingDeletions({ userId: 'service:comments' }, 10)).resolves.toEqual([]);
  });
});
