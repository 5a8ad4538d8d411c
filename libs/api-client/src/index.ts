export * from './api-client';
export type { components, operations, paths } from './openapi.types';
export * from './event-stream';
export * from './feed-cloud-event';
