// Runs every workspace's tests; `npm test -w <workspace>` runs one alone.
/** @type {import('jest').Config} */
module.exports = {
  projects: [
    '<rootDir>/packages/kit',
    '<rootDir>/packages/test-support',
    '<rootDir>/subgraphs/users',
    '<rootDir>/subgraphs/articles',
    '<rootDir>/subgraphs/comments',
    '<rootDir>/gateway',
    '<rootDir>/infra',
    '<rootDir>/dev',
    '<rootDir>/bench',
    '<rootDir>/tools/contracts',
  ],
  reporters: ['default', '<rootDir>/dev/jest/totalsReporter.js'],
};
