export * from './fixtures';
export * from './incident-fixtures';
