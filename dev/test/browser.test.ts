// The example frontend in a real browser (Debian's Chromium driven by playwright-core)
// against the whole local system: subgraphs, gateway, local store, Vite's dev server.
// The gateway accepts only the trusted documents here, so the test also proves that
// the frontend sends exactly the operations the contract checks list.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createGatewayHandler, LocalFileRegistry } from '@bff/gateway';
import { serveTestLambda } from '@bff/test-support';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';

import { DEMO_PASSWORD, demoData } from '../src/demoData';
import { type FrontendServer, localOrigins, startFrontendServer } from '../src/frontendServer';
import { type LocalSystem, startLocalSystem } from '../src/localSystem';

const root = join(__dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = join(root, '.test-results/screenshots');

let workDir: string;
let system: LocalSystem;
let frontend: FrontendServer;
let browser: Browser;
let page: Page;

/** A port nobody listens on now: the frontend and the gateway must each know the other's address before they start. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Retries an assertion until it holds (the page updates after requests), or throws its last failure. */
async function until(assertion: () => Promise<void>, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
const visible = (locator: Locator) => locator.waitFor({ state: 'visible' });
const textOf = async (locator: Locator) => (await locator.textContent()) ?? '';
const count = (locator: Locator, n: number) => until(async () => expect(await locator.count()).toBe(n));
const contains = (locator: Locator, text: string | RegExp, ms?: number) =>
  until(async () => expect(await textOf(locator)).toMatch(typeof text === 'string' ? new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : text), ms);

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`);
  await mkdir(SCREENSHOTS, { recursive: true });
  workDir = await mkdtemp(join(tmpdir(), 'bff-browser-'));
  const gatewayPort = await freePort();
  const frontendPort = await freePort();
  frontend = await startFrontendServer({ gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`, port: frontendPort, repoRoot: root, env: process.env });
  system = await startLocalSystem({
    workDir,
    gatewayPort,
    gatewaySettings: {
      corsOrigins: localOrigins(frontendPort),
      ide: true,
      trustedDocumentsFile: join(root, 'gateway/trusted-documents.json'),
      enforceTrustedDocuments: true,
    },
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage();
  page.setDefaultTimeout(15_000);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await frontend?.close();
  await system?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const articles = () => page.getByRole('list', { name: 'Articles' }).getByRole('listitem');
const email = `browser-${Date.now()}@example.com`;
const title = `Written in a browser ${Date.now()}`;
const comment = 'A comment typed into Chromium.';

it('pages through the article list', async () => {
  await page.goto(frontend.url);
  await visible(page.getByRole('heading', { level: 1, name: 'Articles' }));
  const newest = demoData().articles.at(-1)!;
  await count(articles(), 10);
  await contains(articles().first(), newest.title);
  await shot('article-list');
  const firstPage = await articles().allTextContents();
  await page.getByRole('button', { name: 'Older articles' }).click();
  await until(async () => expect(await textOf(articles().first())).not.toBe(firstPage[0]));
  await count(articles(), 10);
  const secondPage = await articles().allTextContents();
  expect(secondPage.some((text) => firstPage.includes(text))).toBe(false);
  await page.getByRole('button', { name: 'Newer articles' }).click();
  await until(async () => expect(await textOf(articles().first())).toBe(firstPage[0]));
}, 60_000);

it('signs up, writes an article and comments on it, with author names', async () => {
  await page.getByRole('link', { name: 'Sign up' }).click();
  await page.getByLabel('Name').fill('Browser Tester');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('correct horse battery');
  await shot('sign-up');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await until(async () => expect(await textOf(page.getByLabel('Signed in as'))).toBe('Browser Tester'));

  await page.getByRole('link', { name: 'Write' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Body').fill('Typed by playwright-core into Debian’s Chromium.');
  await shot('write-article');
  await page.getByRole('button', { name: 'Publish' }).click();
  await visible(page.getByRole('heading', { level: 1, name: title }));
  await contains(page.getByRole('main'), 'Browser Tester');

  await page.getByRole('textbox', { name: 'Comment' }).fill(comment);
  await page.getByRole('button', { name: 'Post comment' }).click();
  const comments = page.getByRole('list', { name: 'Comments' }).getByRole('listitem');
  await contains(comments.filter({ hasText: comment }), 'Browser Tester');
  await shot('article-page');

  await page.goto(frontend.url);
  await contains(articles().first(), title);
  await contains(articles().first(), 'Browser Tester');
}, 60_000);

it('logs out and in again, and deletes its own comment only', async () => {
  await page.getByRole('button', { name: 'Log out' }).click();
  await visible(page.getByRole('link', { name: 'Log in' }));
  await page.getByRole('link', { name: 'Log in' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('wrong password!');
  await page.getByRole('button', { name: 'Log in' }).click();
  await contains(page.getByRole('alert'), /incorrect/i);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Log in' }).click();
  await until(async () => expect(await textOf(page.getByLabel('Signed in as'))).toBe('Browser Tester'));

  await page.goto(frontend.url);
  await articles().first().getByRole('link').click();
  await visible(page.getByRole('heading', { level: 1, name: title }));
  const mine = page.getByRole('list', { name: 'Comments' }).getByRole('listitem').filter({ hasText: comment });
  // Another user's comments have no Delete button.
  await page.getByRole('textbox', { name: 'Comment' }).fill('Second comment, to be deleted.');
  await page.getByRole('button', { name: 'Post comment' }).click();
  const second = page.getByRole('list', { name: 'Comments' }).getByRole('listitem').filter({ hasText: 'Second comment' });
  await second.getByRole('button', { name: 'Delete' }).click();
  await count(second, 0);
  await count(mine, 1);
}, 60_000);

it('refuses a comment once logged out, with a clear message', async () => {
  await page.getByRole('button', { name: 'Log out' }).click();
  await visible(page.getByRole('link', { name: 'Log in' }));
  await count(page.getByRole('list', { name: 'Comments' }).getByRole('button', { name: 'Delete' }), 0);
  await page.getByRole('textbox', { name: 'Comment' }).fill('Anonymous?');
  await page.getByRole('button', { name: 'Post comment' }).click();
  await contains(page.getByRole('alert'), 'You are not logged in, or your login has expired. Log in and try again.');
  await shot('comment-refused');
}, 60_000);

it('tells a visitor who tries too many passwords for an account when to try again', async () => {
  await page.getByRole('link', { name: 'Log in' }).click();
  await page.getByLabel('Email').fill(`guesser-${Date.now()}@example.com`);
  const alert = page.getByRole('alert');
  // Each attempt's answer, then its message: the limit's size is the users service's setting.
  for (let attempt = 1; ; attempt++) {
    await page.getByLabel('Password').fill(`wrong guess ${attempt}`);
    await Promise.all([
      page.waitForResponse((response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('mutation Login')),
      page.getByRole('button', { name: 'Log in' }).click(),
    ]);
    await visible(alert);
    if (!/incorrect/i.test(await textOf(alert))) break;
    expect(attempt).toBeLessThan(30);
  }
  expect(await textOf(alert)).toMatch(/^Too many attempts\. Try again in \d+ (seconds|minutes)\.$/);
  await shot('login-too-many');
}, 60_000);

it('shows the demo accounts’ articles to a visitor who logs in with the demo password', async () => {
  await page.getByRole('link', { name: 'Log in' }).click();
  await page.getByLabel('Email').fill(demoData().users[0]!.email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await until(async () => expect(await textOf(page.getByLabel('Signed in as'))).toBe(demoData().users[0]!.name));
}, 60_000);

it('with the comments service stopped, shows the articles with their text and authors and a notice where comments would be; then the comments once it is back', async () => {
  const demo = demoData();
  const nameOf = (id: string) => demo.users.find((user) => user.id === id)!.name;
  // The newest demo article with comments, so on the list's first page; its newest comment is shown first.
  const article = demo.articles.filter((candidate) => demo.comments.some((comment) => comment.articleId === candidate.id)).at(-1)!;
  const newestComment = demo.comments.filter((comment) => comment.articleId === article.id).at(-1)!;
  const comments = page.getByRole('list', { name: 'Comments' }).getByRole('listitem');

  await system.stopSubgraph('comments');
  try {
    await page.goto(frontend.url);
    await count(articles(), 10);
    await contains(articles().first(), title);
    await contains(articles().first(), 'Browser Tester');
    const listed = articles().filter({ hasText: article.title });
    await contains(listed, nameOf(article.authorId));
    // No count rather than a wrong one.
    expect((await articles().allTextContents()).filter((text) => /\d+ comments?/.test(text))).toEqual([]);
    await shot('article-list-comments-down');

    await listed.getByRole('link').click();
    await visible(page.getByRole('heading', { level: 1, name: article.title }));
    await contains(page.getByRole('main'), article.body);
    await contains(page.getByRole('main'), nameOf(article.authorId));
    await contains(page.getByRole('status'), 'Comments are unavailable right now.');
    expect(await textOf(page.getByRole('main'))).not.toMatch(/not found/i);
    await count(comments, 0);
    await shot('article-page-comments-down');
  } finally {
    await system.startSubgraph('comments');
  }

  // The gateway may keep the comments circuit open for a while after those failures: reload until they come back.
  await until(async () => {
    await page.reload();
    await visible(page.getByRole('heading', { level: 1, name: article.title }));
    await page.getByRole('list', { name: 'Comments' }).or(page.getByRole('status')).first().waitFor();
    expect(await comments.count()).toBeGreaterThan(0);
  }, 45_000);
  await contains(comments.filter({ hasText: newestComment.body }), nameOf(newestComment.authorId));
  await contains(page.getByRole('heading', { level: 2, name: /^Comments \(\d+\)$/ }), /Comments \(\d+\)/);
  await count(page.getByRole('status'), 0);
}, 120_000);

it('with the users service stopped, shows the articles by "unknown author"', async () => {
  await system.stopSubgraph('users');
  try {
    await page.goto(frontend.url);
    await count(articles(), 10);
    await contains(articles().first(), title);
    await contains(articles().first(), 'by unknown author');
    expect(await textOf(page.getByRole('list', { name: 'Articles' }))).not.toContain('Browser Tester');
    // The signed-in check could not be made: said so, naming the service, and the token is kept for later.
    await contains(page.getByRole('alert'), 'The users service is unavailable right now. Try again in a moment.');
    await shot('article-list-users-down');
  } finally {
    await system.startSubgraph('users');
  }
  // Once users answers again, the kept token signs the visitor back in.
  await until(async () => {
    await page.reload();
    await contains(articles().first(), 'Browser Tester', 2_000);
    expect(await textOf(page.getByLabel('Signed in as'))).toBe(demoData().users[0]!.name);
  }, 45_000);
}, 90_000);

it('serves GraphiQL at the gateway URL, from installed packages, and runs a query', async () => {
  // A second gateway on the same subgraphs that accepts any operation: the IDE's example is not a trusted document.
  const gateway = await serveTestLambda(createGatewayHandler({ registry: new LocalFileRegistry(system.registryFile), settings: { ide: true } }), 'gateway-ide-graphql');
  const ide = await browser.newPage();
  const external: string[] = [];
  ide.on('request', (request) => {
    if (!/^(https?:\/\/(127\.0\.0\.1|localhost)[:/]|blob:|data:)/.test(request.url())) external.push(request.url());
  });
  try {
    await ide.goto(`${gateway.origin}/graphql`);
    await ide.getByRole('button', { name: /execute query/i }).click();
    await contains(ide.locator('.result-window, .graphiql-response').first(), '"articles"', 30_000);
    await ide.screenshot({ path: join(SCREENSHOTS, 'graphiql.png') });
    expect(external).toEqual([]);
  } finally {
    await ide.close();
    await gateway.close();
  }
}, 90_000);
