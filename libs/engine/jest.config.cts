/* eslint-disable */
const shared = require('../../jest.esm.cjs');

module.exports = {
  ...shared,
  displayName: 'engine',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  coverageDirectory: '../../coverage/libs/engine',
};
