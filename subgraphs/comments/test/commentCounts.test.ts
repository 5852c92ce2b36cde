import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { postSignedGraphQL } from '@bff/test-support';

import { SETTLE_AFTER_MS } from '../src/service/commentCounter';
import type { CommentRecord } from '../src/service/commentsRepository';
import { commentsSettings } from '../src/settings';
import { type CommentsWithArticles, startCommentsWithArticles } from './commentsWithArticles';

let system: CommentsWithArticles;
const documentClient = () => system.client;
const tableName = () => commentsSettings({}).tableName;
const putComment = (comment: CommentRecord) => system.comments.putComment(comment);
const recountComments = (articleId: string, settleAfterMs?: number) => system.counter.recountComments(articleId, settleAfterMs);

const ADD = 'mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }';
const DELETE = 'mutation ($id: ID!) { deleteComment(id: $id) }';
const COUNTS = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Article { commentCount } } }';

/** The counter item as stored, sets as arrays. */
async function counterItem(articleId: string) {
  const { Item } = await documentClient().send(new GetCommand({ TableName: tableName(), Key: { pk: `COUNT#${articleId}` } }));
  return Item && { count: Item.count as number, adding: [...((Item.adding as Set<string>) ?? [])], removing: [...((Item.removing as Set<string>) ?? [])] };
}

/** A counter written straight into the table: a count and the changes a writer left on it. */
async function writeCounter(articleId: string, count: number, changes: { adding?: string[]; removing?: string[] } = {}) {
  await documentClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        pk: `COUNT#${articleId}`,
        count,
        v: 7,
        ...(changes.adding ? { adding: new Set(changes.adding) } : {}),
        ...(changes.removing ? { removing: new Set(changes.removing) } : {}),
      },
    }),
  );
}

const comment = (id: string, articleId: string) => ({ id, body: id, articleId, authorId: 'user-ada', createdAt: `2026-02-01T00:00:00.000Z` });

describe('comment counts: crash-safe changes, settled by the next read, and exact recounts', () => {
  const post = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, userId?: string) =>
    postSignedGraphQL<T>(system.url, query, variables, userId);
  const countsOf = async (...ids: string[]) =>
    (await post<{ _entities: { commentCount: number }[] }>(COUNTS, { r: ids.map((id) => ({ __typename: 'Article', id })) })).body.data?._entities.map(
      (entity) => entity.commentCount,
    );
  const abandoned = Date.now() - SETTLE_AFTER_MS - 1_000;

  beforeAll(async () => {
    system = await startCommentsWithArticles(['plain', 'crash-a', 'crash-b', 'crash-c', 'crash-d', 'young', 'wrong', 'busy']);
  });
  afterAll(() => system.close());

  it('moves the count with each add and delete and leaves no change behind', async () => {
    const added = await Promise.all(
      [1, 2, 3].map(async (i) => (await post<{ addComment: { id: string } }>(ADD, { input: { articleId: 'plain', body: `c${i}` } }, 'user-ada')).body.data!.addComment.id),
    );
    expect((await post(DELETE, { id: added[0] }, 'user-ada')).body.data).toEqual({ deleteComment: true });
    expect(await countsOf('plain')).toEqual([2]);
    expect(await counterItem('plain')).toEqual({ count: 2, adding: [], removing: [] });
  });

  it('settles, at the next read, the changes of writers that stopped half-way', async () => {
    // crash-a: stopped after storing its comment (uncounted). crash-b: stopped before storing one.
    await putComment(comment('stored-a', 'crash-a'));
    await writeCounter('crash-a', 0, { adding: [`stored-a@${abandoned}@n1`] });
    await writeCounter('crash-b', 0, { adding: [`never-stored@${abandoned}@n2`] });
    // crash-c: stopped after deleting its comment (still counted). crash-d: stopped before deleting it.
    await writeCounter('crash-c', 1, { removing: [`deleted-c@${abandoned}@n3`] });
    await putComment(comment('kept-d', 'crash-d'));
    await writeCounter('crash-d', 1, { removing: [`kept-d@${abandoned}@n4`] });

    expect(await countsOf('crash-a', 'crash-b', 'crash-c', 'crash-d')).toEqual([1, 0, 0, 1]);
    for (const id of ['crash-a', 'crash-b', 'crash-c', 'crash-d']) expect(await counterItem(id)).toMatchObject({ adding: [], removing: [] });
    // Settled once: reading again changes nothing.
    expect(await countsOf('crash-a', 'crash-b', 'crash-c', 'crash-d')).toEqual([1, 0, 0, 1]);
  });

  it('leaves a change alone while its writer may still be at work', async () => {
    await putComment(comment('in-flight', 'young'));
    await writeCounter('young', 0, { adding: [`in-flight@${Date.now()}@n5`] });
    expect(await countsOf('young')).toEqual([0]);
    expect((await counterItem('young'))?.adding).toHaveLength(1);
    // The recount leaves it too, unless told nothing else is writing.
    expect(await recountComments('young')).toBeNull();
    expect(await recountComments('young', 0)).toEqual({ articleId: 'young', was: 0, counted: 1, changed: true });
    expect(await counterItem('young')).toEqual({ count: 1, adding: [], removing: [] });
  });

  it('recounts a counter written out of step to the comments stored, and then finds nothing to do', async () => {
    for (const id of ['w1', 'w2', 'w3']) await putComment(comment(id, 'wrong'));
    await writeCounter('wrong', 41);
    expect(await recountComments('wrong', 0)).toEqual({ articleId: 'wrong', was: 41, counted: 3, changed: true });
    expect(await countsOf('wrong')).toEqual([3]);
    expect(await recountComments('wrong', 0)).toEqual({ articleId: 'wrong', was: 3, counted: 3, changed: false });
  });

  it('keeps counts exact when adds and deletes race a recount', async () => {
    const ids = (
      await Promise.all(
        Array.from({ length: 30 }, async (_, i) => (await post<{ addComment: { id: string } }>(ADD, { input: { articleId: 'busy', body: `b${i}` } }, 'user-ada')).body.data!.addComment.id),
      )
    ).slice(0, 10);
    // A recount that meets writers at work either waits for them (null) or counts what they have finished.
    const [recount] = await Promise.all([recountComments('busy'), ...ids.map((id) => post(DELETE, { id }, 'user-ada'))]);
    expect(recount === null || recount.counted >= 20).toBe(true);
    expect(await countsOf('busy')).toEqual([20]);
    expect(await counterItem('busy')).toEqual({ count: 20, adding: [], removing: [] });
  }, 30_000);
});
