import { execFile, execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoArticlesRepository } from '@bff/articles/repository';
import { DynamoCommentsRepository } from '@bff/comments/repository';

import { withKeptLocalStore } from '../src/keptLocalStore';

const root = join(__dirname, '../..');

/** `npm run repair` as built by `dev/build.mjs`, in `cwd`; never throws, whatever the exit code. */
function runRepair(cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, POWERTOOLS_LOG_LEVEL: 'SILENT' };
  delete env.DYNAMODB_ENDPOINT;
  delete env.LOCAL_DATA_DIR;
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, '.build/dev/repair.js')], { cwd, env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const at = '2026-03-01T00:00:00.000Z';
const article = (id: string) => ({ id, title: id, body: 'b', authorId: 'user-ada', createdAt: at, updatedAt: at });
const comment = (id: string, articleId: string) => ({ id, body: id, articleId, authorId: 'user-grace', createdAt: at });

describe('npm run repair, on the local store', () => {
  let dir: string;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'dev/build.mjs'), 'repair'], { cwd: root });
    dir = await mkdtemp(join(tmpdir(), 'bff-repair-'));
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('says there is nothing to repair before npm start has made any data', async () => {
    expect(await runRepair(dir)).toMatchObject({ code: 0, stdout: `No local data in ${join(dir, '.local')}: nothing to repair (npm start creates it).\n` });
  });

  it('refuses to run while npm start holds the data folder', async () => {
    await mkdir(join(dir, '.local', 'dynamodb'), { recursive: true });
    // This test's process stands for a running npm start.
    await writeFile(join(dir, '.local', 'start.pid'), String(process.pid));
    try {
      const run = await runRepair(dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`Another npm start (pid ${process.pid}) is using`);
      expect(run.stderr).toContain('Stop it first');
    } finally {
      await rm(join(dir, '.local', 'start.pid'));
    }
  });

  it('finishes a pending deletion, fixes a count that drifted, prints what it did, and then finds nothing', async () => {
    // npm start's data folder, its tables named as an environment without table variables names them.
    await withKeptLocalStore(join(dir, '.local'), {}, async ({ client, tables }) => {
      const articles = new DynamoArticlesRepository(client, tables.articles);
      const comments = new DynamoCommentsRepository(client, tables.comments);
      for (const id of ['drifted', 'deleted']) await articles.putArticle(article(id));
      for (const id of ['d1', 'd2', 'd3']) await comments.putComment(comment(id, 'drifted'));
      for (const id of ['x1', 'x2']) await comments.putComment(comment(id, 'deleted'));
      // Three comments counted nine; a deletion whose clean-up never happened (comments was down).
      await client.send(new PutCommand({ TableName: tables.comments, Item: { pk: 'COUNT#drifted', count: 9, v: 1 } }));
      expect(await articles.tombstoneArticle('deleted', 'user-ada', at)).toBe(true);
    });

    const first = await runRepair(dir);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout.trim().split('\n')).toEqual([
      'Finished deleting article deleted: removed 2 comments.',
      'Fixed the comment count of article drifted: 9 → 3.',
      'Repaired 2 things; 1 article with comments checked.',
    ]);
    const second = await runRepair(dir);
    expect(second).toMatchObject({ code: 0, stdout: 'Nothing to repair: 1 article with comments checked, every count matches.\n' });
  }, 30_000);
});
