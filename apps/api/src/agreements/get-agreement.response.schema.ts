import {
  BOOLEAN,
  INTEGER,
  list,
  namedSchema,
  NULLABLE_TIMESTAMP,
  object,
  PENDING_VOTES,
  POSITION,
  strings,
  text,
  TIMESTAMP,
  UUID,
} from '../http/contract/named-schema';

export const agreementProperties = {
  agreementId: UUID,
  status: strings(['ACTIVE', 'SUSPENDED'], 'ACTIVE'),
  title: text('Doha ceasefire between Pakistan and Afghanistan'),
  parties: list(object({ code: text('PK'), name: text('Islamic Republic of Pakistan') })),
  mediators: list(text('TR')),
  monitoringComponents: list(text('monitors')),
  provisions: list(
    object({
      id: text('P1'),
      text: text('Both sides refrain from cross-border fire.'),
      obligor: { ...text('ALL'), description: 'The party bound by it, or ALL.' },
    }),
  ),
  terms: object(
    {
      responseWindowHours: INTEGER,
      verificationDeadlineDays: INTEGER,
      disputeWindowDays: INTEGER,
      adoptionQuorum: INTEGER,
      rulingQuorum: INTEGER,
      measureQuorum: INTEGER,
      requireSignedSubmissions: BOOLEAN,
      cosignaturePolicy: object({ k: INTEGER, witnesses: list(text('witness.mediator-tr.example')) }),
    },
    ['rulingQuorum', 'measureQuorum', 'requireSignedSubmissions', 'cosignaturePolicy'],
  ),
  effectiveAt: TIMESTAMP,
  reaffirmations: list(object({ at: TIMESTAMP, venue: text('Istanbul') })),
  suspensions: list(object({ from: TIMESTAMP, to: NULLABLE_TIMESTAMP })),
  rulebooks: list(object({ version: text('2025-11'), effectiveFrom: TIMESTAMP })),
  rulebookVotes: PENDING_VOTES,
  statements: list(
    object({
      agreementId: UUID,
      statementId: text('s1'),
      asOf: TIMESTAMP,
      rulebookVersion: text('default-1'),
      statuses: list(object({ party: text('AF'), status: text('NON_COMPLIANT'), label: text('Non-compliant') })),
      text: text('The mechanism finds one attributed violation by AF.'),
      publishedBy: UUID,
    }),
  ),
  meetings: list(
    object(
      {
        meetingId: text('jmc-1'),
        scheduledFor: TIMESTAMP,
        venue: text('Istanbul'),
        heldAt: TIMESTAMP,
        decisions: list(text('Joint patrol at Torkham')),
      },
      ['heldAt'],
    ),
  ),
  revision: { ...INTEGER, description: "The agreement stream's revision: the ETag, the If-Match of the next write." },
  position: POSITION,
};

export const Agreement = namedSchema('Agreement', object(agreementProperties, ['monitoringComponents']));
