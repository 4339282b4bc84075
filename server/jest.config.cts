/* eslint-disable */
const shared = require('../jest.esm.cjs');

module.exports = {
  ...shared,
  displayName: 'server',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  coverageDirectory: '../coverage/server',
  // medium and e2e suites share one database per run; keep files in one worker at a time
  maxWorkers: 1,
  // e2e suites start a server and hash passwords with argon2id; the machine is shared
  testTimeout: 30_000,
};
