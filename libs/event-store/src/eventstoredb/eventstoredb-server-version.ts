import { EventStoreError } from '../port/event-store.errors';

/** 23.10 is the first server that tells a catch-up subscription it has caught up. */
export const MINIMUM_SERVER = { major: 23, minor: 10 };

export class UnsupportedServer extends EventStoreError {
  readonly code = 'UNSUPPORTED_SERVER';
  constructor(readonly version: string) {
    super(
      `EventStoreDB ${MINIMUM_SERVER.major}.${MINIMUM_SERVER.minor} or later is required (24.2 or later recommended); ` +
        `the server says its version is "${version}"`,
    );
  }
}

export interface ServerVersion {
  text: string;
  major: number;
  minor: number;
}

export const parseServerVersion = (text: string): ServerVersion => {
  const match = /^(\d+)\.(\d+)/.exec(text);
  if (!match) throw new UnsupportedServer(text);
  const version = { text, major: Number(match[1]), minor: Number(match[2]) };
  if (
    version.major < MINIMUM_SERVER.major ||
    (version.major === MINIMUM_SERVER.major && version.minor < MINIMUM_SERVER.minor)
  )
    throw new UnsupportedServer(text);
  return version;
};

/** From 24.2 a subscription starts strictly after its position; 23.10 reads the record there and skips it, whatever it is. */
export const skipsFirstRecord = (v: ServerVersion): boolean => v.major < 24;
