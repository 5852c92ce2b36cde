// Shared jest settings: each workspace's jest.config.js spreads this, and the root config runs them all.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }],
    // ESM-only packages, compiled to CommonJS for jest (Node 20's jest cannot require ESM).
    '^.+/node_modules/jose/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
    '^.+\\.graphql$': require.resolve('./dev/jest/graphqlTextTransform.js'),
  },
  setupFiles: [require.resolve('./dev/jest/setupEnv.js')],
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  moduleFileExtensions: ['ts', 'js', 'json', 'graphql'],
};
