export { eventStoreConformance, type ConformanceTarget } from './event-store.conformance';
export { anEvent, collect, someEvents, uniqueCategory, uniqueStream } from './test-events';
