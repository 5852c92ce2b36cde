import { BadUserInputError, decodeCursor, encodeCursor, readRuntimeSettings, Secrets } from '../../src';

const KEY = { pk: 'ARTICLE#01HZX3', feed: 'ARTICLE', createdKey: '2024-05-01T10:00:00.000Z#01HZX3' };
const INVALID = 'The cursor is not valid for this list: start again from the first page.';

/** The secrets a Lambda would have with this environment. */
const secretsFrom = (env: Record<string, string>) => new Secrets(readRuntimeSettings(env).secrets);

const ENV = { CURSOR_SECRET: 'cursor-secret-for-the-tests-0123456789', JWT_SECRET: 'jwt-secret-for-the-cursor-tests-0123456789' };
const secrets = secretsFrom(ENV);

describe('cursors', () => {
  it('give back the key they were made from, for the same list', async () => {
    const cursor = await encodeCursor(KEY, 'articles', secrets);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeCursor(cursor, 'articles', secrets)).toEqual(KEY);
  });

  it('reveal nothing of the table: no attribute names, no ids, no dates, even decoded; and are stable', async () => {
    const cursor = await encodeCursor(KEY, 'articles', secrets);
    const decoded = Buffer.from(cursor, 'base64url').toString('latin1');
    // Parts long enough that random bytes never spell them by chance.
    for (const part of ['"pk"', 'feed', 'createdKey', 'ARTICLE', '01HZX3', '2024-05-01']) expect(decoded).not.toContain(part);
    // The same place in the same list gives the same cursor; the same key in another list does not.
    expect(await encodeCursor(KEY, 'articles', secrets)).toBe(cursor);
    expect(await encodeCursor(KEY, 'articles-by:user-1', secrets)).not.toBe(cursor);
  });

  it('refuse an edited cursor with BAD_USER_INPUT', async () => {
    const cursor = await encodeCursor(KEY, 'articles', secrets);
    const middle = Math.floor(cursor.length / 2);
    const flipped = `${cursor.slice(0, middle)}${cursor[middle] === 'A' ? 'B' : 'A'}${cursor.slice(middle + 1)}`;
    for (const edited of [flipped, cursor.slice(0, -1), `${cursor}AA`, `${cursor}.`, '', 'e30', 'not a cursor!']) {
      await expect(decodeCursor(edited, 'articles', secrets)).rejects.toEqual(new BadUserInputError(INVALID));
    }
  });

  it('refuse a cursor from another list with BAD_USER_INPUT', async () => {
    const cursor = await encodeCursor(KEY, 'articles-by:user-1', secrets);
    await expect(decodeCursor(cursor, 'articles-by:user-2', secrets)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: INVALID });
    await expect(decodeCursor(cursor, 'articles', secrets)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('have a key of their own: a new JWT key leaves them valid, a new cursor key does not', async () => {
    const cursor = await encodeCursor(KEY, 'articles', secrets);
    const newJwtKey = secretsFrom({ ...ENV, JWT_SECRET: 'a-rotated-jwt-secret-for-the-tests-9876543210' });
    expect(await decodeCursor(cursor, 'articles', newJwtKey)).toEqual(KEY);
    const newCursorKey = secretsFrom({ ...ENV, CURSOR_SECRET: 'a-rotated-cursor-secret-for-the-tests-9876543210' });
    await expect(decodeCursor(cursor, 'articles', newCursorKey)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('need a cursor key of at least 32 bytes, and one in production', async () => {
    await expect(encodeCursor(KEY, 'articles', secretsFrom({ ...ENV, CURSOR_SECRET: 'short' }))).rejects.toThrow('CURSOR_SECRET must be at least 32 bytes long');
    const production = secretsFrom({ JWT_SECRET: ENV.JWT_SECRET, NODE_ENV: 'production' });
    await expect(encodeCursor(KEY, 'articles', production)).rejects.toThrow('CURSOR_SECRET must be set in production');
  });
});
