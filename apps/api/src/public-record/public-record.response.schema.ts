import {
  CONFIDENCES,
  FINDING_OUTCOMES,
  INCIDENT_CATEGORIES,
  MEASURE_LEVELS,
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
  strings,
  text,
  TIMESTAMP,
  UUID,
} from '../http/contract/named-schema';

/** What the public record shows of a case: never who reported it, custodians, interviews, sources or drafts. */
export const PublicCase = namedSchema(
  'PublicCase',
  object({
    incidentId: UUID,
    agreementId: UUID,
    status: text('FINDING_ADOPTED'),
    category: strings(INCIDENT_CATEGORIES, 'NSAG_FROM_TERRITORY'),
    occurredOn: { type: 'string', format: 'date', example: '2025-10-31' },
    location: {
      ...object({
        lat: { type: 'number', example: 34 },
        lon: { type: 'number', example: 71 },
        precisionKm: { type: 'number', example: 50 },
      }),
      description: 'Rounded to half a degree, at least 50 km: where, not which house.',
    },
    allegedPerpetrator: text('AF'),
    findings: list(
      object({
        findingId: text('f1'),
        status: strings(['DRAFT', 'ENDORSED', 'ADOPTED', 'VACATED', 'WITHDRAWN'], 'ADOPTED'),
        outcome: strings(FINDING_OUTCOMES, 'VIOLATION_ATTRIBUTED'),
        attributedParties: list(text('AF')),
        severity: nullable(strings(SEVERITIES, 'S2')),
        confidence: strings(CONFIDENCES, 'CREDIBLE'),
        adoptedAt: NULLABLE_TIMESTAMP,
      }),
    ),
    disputes: list(
      object({
        disputeId: text('d1'),
        findingId: text('f1'),
        status: strings(['OPEN', 'RULED'], 'RULED'),
        ruling: nullable(strings(RULINGS, 'UPHELD')),
      }),
    ),
    measures: list(
      object({
        measureId: text('m1'),
        party: text('AF'),
        level: strings(MEASURE_LEVELS, 'L2'),
        status: strings(['OUTSTANDING', 'FULFILLED', 'LIFTED', 'LAPSED'], 'OUTSTANDING'),
      }),
    ),
  }),
);

export const PublicCasePage = pageOf('PublicCasePage', 'cases', PublicCase);

export const PublicComplianceStatements = namedSchema(
  'PublicComplianceStatements',
  object({
    agreementId: UUID,
    title: text('Doha ceasefire between Pakistan and Afghanistan'),
    statements: list(
      object({
        agreementId: UUID,
        statementId: text('istanbul-2025-11'),
        asOf: TIMESTAMP,
        rulebookVersion: text('default-1'),
        statuses: list(object({ party: text('PK'), status: text('COMPLIANT'), label: text('No issue recorded') })),
        text: text('The mechanism reports on the first month of the ceasefire.'),
      }),
    ),
  }),
);
