/* eslint-disable */
const shared = require('../../jest.esm.cjs');

module.exports = {
  ...shared,
  displayName: 'contracts',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  coverageDirectory: '../../coverage/libs/contracts',
};
