import {
  BOOLEAN,
  INTEGER,
  list,
  namedSchema,
  nullable,
  object,
  POSITION,
  strings,
  text,
  TIMESTAMP,
  UUID,
} from '../http/contract/named-schema';

export const Health = namedSchema(
  'Health',
  object({
    status: {
      ...strings(['ok', 'degraded', 'down'], 'ok'),
      description:
        'degraded: a projection is parked (reads it serves answer 503); down: the store does not answer (HTTP 503).',
    },
    store: object(
      {
        kind: strings(['sqlite', 'eventstoredb'], 'sqlite'),
        reachable: BOOLEAN,
        head: { ...nullable(POSITION), description: 'The position of the last event in the log.' },
        serverVersion: text('24.10.0'),
        skippedForeignEvents: { ...INTEGER, description: 'Events in the store not written by this application.' },
        error: text(),
      },
      ['serverVersion', 'error'],
    ),
    projections: list(
      object(
        {
          projection: text('compliance'),
          version: INTEGER,
          activeVersion: {
            ...nullable(INTEGER),
            description: 'The generation readers use; differs from version while a rebuild runs.',
          },
          position: nullable(POSITION),
          caughtUp: BOOLEAN,
          subscription: object({ drops: INTEGER, lastDrop: object({ error: text(), at: TIMESTAMP }) }, ['lastDrop']),
          appliedEvents: INTEGER,
          lag: {
            ...INTEGER,
            description: 'Events of the log not yet applied, when positions are plain sequence numbers.',
          },
          parked: object({ error: text(), failedEventId: nullable(UUID) }),
        },
        ['lag', 'parked'],
      ),
    ),
  }),
);

export const Liveness = namedSchema('Liveness', object({ status: strings(['ok'], 'ok') }));

export const Readiness = namedSchema(
  'Readiness',
  object({
    ready: BOOLEAN,
    reasons: { ...list(text('projection compliance is catching up')), description: 'Why not ready; empty when ready.' },
  }),
);
