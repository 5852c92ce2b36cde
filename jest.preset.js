// Shared jest settings: each workspace's jest.config.js spreads this, and the root config runs them all.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }],
    '^.+\\.graphql$': require.resolve('./dev/jest/graphqlTextTransform.js'),
  },
  setupFiles: [require.resolve('./dev/jest/setupEnv.js')],
  moduleFileExtensions: ['ts', 'js', 'json', 'graphql'],
};
