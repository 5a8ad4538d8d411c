import type { SchemaObject } from '@nestjs/swagger';
import {
  CLASSIFICATION_LEVELS,
  CONFIDENCES,
  FINDING_OUTCOMES,
  INCIDENT_CATEGORIES,
  MEASURE_LEVELS,
  RESPONSE_KINDS,
  RULINGS,
  SEVERITIES,
} from '@ceasefire/mvm';
import {
  list,
  namedSchema,
  nullable,
  NULLABLE_TIMESTAMP,
  object,
  pageOf,
  PENDING_VOTES,
  POSITION,
  ref,
  strings,
  text,
  TIMESTAMP,
  UUID,
  Vote,
} from '../http/contract/named-schema';

const PARTY = text('AF');

const WITHHELD = object({ withheld: { type: 'boolean', enum: [true] } });
const ERASED = object({
  erased: { type: 'boolean', enum: [true] },
  subjectKeyId: text('42e47371a19711d635986f1d41872d1c'),
});

/** The case file as one reader may see it: report, evidence, responses, investigation, findings, disputes, measures. */
const caseProperties: Record<string, SchemaObject> = {
  incidentId: UUID,
  agreementId: UUID,
  status: strings(
    ['REPORTED', 'ADMISSIBLE', 'INADMISSIBLE', 'DUPLICATE', 'UNDER_INVESTIGATION', 'FINDING_ADOPTED', 'CLOSED'],
    'UNDER_INVESTIGATION',
  ),
  category: strings(INCIDENT_CATEGORIES, 'NSAG_FROM_TERRITORY'),
  reporter: object(
    {
      kind: strings(['PARTY', 'MONITOR', 'PUBLIC_SOURCE'], 'PARTY'),
      party: text('PK'),
      principalId: UUID,
      source: text('Local radio, Nangarhar'),
      contact: {
        description:
          'Opened for readers cleared for RESTRICTED; withheld from others; erased once its key is shredded.',
        oneOf: [text('PK liaison desk, +92 51 111 2222'), WITHHELD, ERASED],
      },
    },
    ['party', 'source', 'contact'],
  ),
  occurredAt: TIMESTAMP,
  location: object({
    lat: { type: 'number', example: 34.1 },
    lon: { type: 'number', example: 71.1 },
    place: text('Border post near Torkham'),
    precisionKm: { type: 'number', example: 2 },
  }),
  allegedPerpetrator: PARTY,
  description: text('Militants crossed from Afghan territory and attacked the border post.'),
  responseDueAt: NULLABLE_TIMESTAMP,
  responseDeadlineMissed: { type: 'boolean' },
  responses: list(
    object({
      party: PARTY,
      response: strings(RESPONSE_KINDS, 'DENY'),
      statement: text('No group crossed from our side.'),
    }),
  ),
  evidence: list(
    object({
      evidenceId: text('e1'),
      sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
      mediaType: text('image/jpeg'),
      custodian: text('PK liaison office'),
    }),
  ),
  level: strings(CLASSIFICATION_LEVELS, 'PARTIES'),
  interviews: list(
    object({
      interviewId: text('w1'),
      witness: {
        description:
          "The witness's identity: opened for readers cleared for RESTRICTED, withheld from others, erased once shredded.",
        oneOf: [object({ name: text('Gul Khan'), contact: text('+93 70 123 4567') }, ['contact']), WITHHELD, ERASED],
      },
      source: { ...object({ ref: UUID, digest: text('hmac:1b6e0aa8c6dbdd2a7ab7') }), nullable: true },
      summary: text('Saw armed men cross from the Afghan side'),
      recordedBy: UUID,
    }),
  ),
  investigation: { ...object({ dueAt: TIMESTAMP, deadlineMissed: { type: 'boolean' } }), nullable: true },
  accessDenials: list(object({ denialId: text('a1'), deniedBy: PARTY, at: TIMESTAMP })),
  findings: list(
    object(
      {
        findingId: text('f1'),
        status: strings(['DRAFT', 'ENDORSED', 'ADOPTED', 'VACATED', 'WITHDRAWN'], 'ADOPTED'),
        outcome: strings(FINDING_OUTCOMES, 'VIOLATION_ATTRIBUTED'),
        attributedParties: list(PARTY),
        severity: nullable(strings(SEVERITIES, 'S2')),
        confidence: strings(CONFIDENCES, 'CREDIBLE'),
        rationale: text('Tracks and two independent witnesses'),
        draftedBy: UUID,
        endorsedBy: { ...UUID, nullable: true },
        adoptionVotes: list(Vote),
        adoptedAt: NULLABLE_TIMESTAMP,
        disputeWindowEndsAt: NULLABLE_TIMESTAMP,
        dissents: list(object({ by: UUID, component: text('party:AF'), text: text('We contest the tracks') })),
        shared: { type: 'boolean', description: 'Shown to the parties before adoption.' },
        published: { type: 'boolean', description: 'Part of the public record.' },
      },
      ['shared', 'published'],
    ),
  ),
  disputes: list(
    object({
      disputeId: text('d1'),
      findingId: text('f1'),
      party: PARTY,
      status: strings(['OPEN', 'RULED'], 'RULED'),
      ruling: nullable(strings(RULINGS, 'AMENDED')),
      rulingVotes: {
        type: 'object',
        description: 'Votes per proposed ruling (its canonical text), until one reaches the ruling quorum.',
        additionalProperties: list(Vote),
      },
    }),
  ),
  measures: list(
    object({
      measureId: text('m1'),
      party: PARTY,
      level: strings(MEASURE_LEVELS, 'L2'),
      dueAt: NULLABLE_TIMESTAMP,
      findingId: { ...text('f1'), nullable: true },
      status: strings(['OUTSTANDING', 'FULFILLED', 'LIFTED', 'LAPSED'], 'OUTSTANDING'),
      fulfilledAt: NULLABLE_TIMESTAMP,
    }),
  ),
  measureVotes: { ...PENDING_VOTES, description: 'Votes on consequences not yet decided, by measure id.' },
  closedReason: { ...text('Finding adopted, dispute ruled, measure fulfilled'), nullable: true },
};

export const CaseState = namedSchema('CaseState', object(caseProperties));

export const CaseFile = namedSchema(
  'CaseFile',
  object({
    ...caseProperties,
    revision: {
      type: 'integer',
      minimum: 0,
      description: "The case stream's revision: the ETag, the If-Match of the next write.",
    },
    position: POSITION,
  }),
);

export const IncidentPage = pageOf('IncidentPage', 'incidents', CaseFile);

const SUBMISSION: SchemaObject = {
  ...object({
    v: { type: 'integer', example: 1 },
    keyId: text('c79e73762f04bdb527b5b624151aaba8e9ee380b'),
    bytes: { type: 'string', description: 'base64 of the exact bytes the party signed.' },
    sig: { type: 'string', description: 'base64 Ed25519 signature over bytes.' },
  }),
  nullable: true,
  description: "The party's signed submission, when it signed the request.",
};

const eventProperties: Record<string, SchemaObject> = {
  position: POSITION,
  revision: { type: 'integer', minimum: 0 },
  eventId: UUID,
  type: text('FindingAdopted'),
  recordedAt: TIMESTAMP,
  principal: { type: 'string', description: 'Who submitted it (a principal id, or a role for the mechanism).' },
  submission: SUBMISSION,
  data: {
    type: 'object',
    description:
      "The event's data as this reader may see it; each type's fields are those of its event in libs/mvm (incident.events.ts).",
    additionalProperties: true,
  },
  hash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
  prevHash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
};

const JsonPatchOperation = object(
  {
    op: strings(['add', 'remove', 'replace'], 'add'),
    path: text('/findings/0/dissents/0'),
    value: { description: 'The value added or replacing (absent for remove).' },
  },
  ['value'],
);

export const CaseHistoryPage = namedSchema(
  'CaseHistoryPage',
  object({
    incidentId: UUID,
    atPosition: { ...POSITION, nullable: true },
    events: list(
      object({
        ...eventProperties,
        changes: {
          ...list(JsonPatchOperation),
          description: 'RFC 6902: what this event changed in the case as this reader sees it.',
        },
      }),
    ),
    next: {
      type: 'string',
      nullable: true,
      description: 'Cursor of the next page (pass as ?cursor=); null at the end. Also sent as Link: rel="next".',
    },
  }),
);

export const CaseHistoryStep = namedSchema(
  'CaseHistoryStep',
  object({ ...eventProperties, stateAfter: ref(CaseState) }),
);
