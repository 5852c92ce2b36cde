// The CPU profile summary the bench prints: self time by package and by function.
import { originOf, summarizeProfile } from '../src/profile';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber, columnNumber: 0 });

it('names the package, our workspace or Node module a file belongs to', () => {
  expect(originOf('file:///work/main/node_modules/@graphql-tools/delegate/dist/index.cjs')).toBe('@graphql-tools/delegate');
  expect(originOf('file:///srv/app/node_modules/graphql/execution/execute.js')).toBe('graphql');
  expect(originOf('file:///app/node_modules/@graphql-tools/delegate/node_modules/@graphql-tools/utils/cjs/memoize.js')).toBe('@graphql-tools/utils');
  expect(originOf('../../gateway/src/upstream/subgraphFetch.ts')).toBe('gateway');
  expect(originOf('../../packages/kit/src/subgraphClient/subgraphClient.ts')).toBe('packages/kit');
  expect(originOf('node:internal/streams/readable')).toBe('node:streams');
});

it('sums self time by package and by function, leaving idle time and the profiler out', () => {
  const profile = {
    nodes: [
      { id: 1, callFrame: frame('(root)') },
      { id: 2, callFrame: frame('(idle)') },
      { id: 3, callFrame: frame('(garbage collector)') },
      { id: 4, callFrame: frame('executeField', 'file:///app/node_modules/graphql/execution/execute.js', 9) },
      { id: 5, callFrame: frame('completeValue', 'file:///app/node_modules/graphql/execution/execute.js', 99) },
      { id: 6, callFrame: frame('writev') },
      // The in-process profiler stopping itself: not the program's time.
      { id: 7, callFrame: frame('post', 'node:inspector', 110), children: [8] },
      { id: 8, callFrame: frame('dispatch') },
    ],
    // Sample ids with the time before each, in µs.
    samples: [2, 4, 4, 5, 3, 6, 2, 8],
    timeDeltas: [5_000, 1_000, 1_000, 2_000, 3_000, 500, 5_000, 7_000],
  };
  const summary = summarizeProfile(profile, []);
  expect(summary.idleMs).toBe(10);
  expect(summary.totalMs).toBe(8);
  expect(summary.top).toEqual([
    { origin: 'graphql', ms: 4 },
    { origin: '(garbage collector)', ms: 3 },
    { origin: '(native)', ms: 0.5 },
  ]);
  expect(summary.topFunctions?.slice(0, 2)).toEqual([
    { name: '(garbage collector)', origin: '(garbage collector)', ms: 3 },
    { name: 'executeField graphql/execution/execute.js:10', origin: 'graphql', ms: 2 },
  ]);
});
