/** Jest runs in ESM mode: NestJS 12 ships ES modules only, which Jest's CommonJS runtime cannot load. */
export default {
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/jest-supported-node.mjs',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.spec.json', diagnostics: { ignoreCodes: [151002] } }],
  },
  moduleNameMapper: {
    '^@ceasefire/event-store/testing$': '<rootDir>/libs/event-store/src/testing/index.ts',
    '^@ceasefire/event-store/eventstoredb-testing$': '<rootDir>/libs/event-store/src/eventstoredb/testing/index.ts',
    '^@ceasefire/event-store$': '<rootDir>/libs/event-store/src/index.ts',
    '^@ceasefire/projections$': '<rootDir>/libs/projections/src/index.ts',
    '^@ceasefire/decider/testing$': '<rootDir>/libs/decider/src/testing/index.ts',
    '^@ceasefire/decider$': '<rootDir>/libs/decider/src/index.ts',
    '^@ceasefire/mvm/testing$': '<rootDir>/libs/mvm/src/testing/index.ts',
    '^@ceasefire/mvm$': '<rootDir>/libs/mvm/src/index.ts',
    '^@ceasefire/ledger$': '<rootDir>/libs/ledger/src/index.ts',
    '^@ceasefire/api-client$': '<rootDir>/libs/api-client/src/index.ts',
  },
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  testTimeout: 30000,
};
