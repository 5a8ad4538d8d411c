import { STATUS_LEVELS } from '@ceasefire/mvm';
import { namedSchema, POSITION, strings, UUID } from '../http/contract/named-schema';

export const Compliance = namedSchema('Compliance', {
  type: 'object',
  required: [
    'agreementId',
    'asOf',
    'period',
    'agreement',
    'rulebook',
    'parties',
    'unattributedBreaches',
    'source',
    'position',
  ],
  properties: {
    agreementId: UUID,
    asOf: { type: 'string', example: '2026-11-28T12:40:19.137Z' },
    period: {
      type: 'object',
      nullable: true,
      required: ['from', 'to'],
      properties: {
        from: { type: 'string', example: '2025-10-19T00:00:00.000Z' },
        to: { type: 'string', example: '2025-10-30T00:00:00.000Z' },
      },
    },
    agreement: {
      type: 'object',
      required: ['status', 'suspendedSince'],
      properties: {
        status: strings(['ACTIVE', 'SUSPENDED'], 'ACTIVE'),
        suspendedSince: { type: 'string', nullable: true, example: '2026-11-28T12:41:29.189Z' },
      },
    },
    rulebook: {
      type: 'object',
      required: ['version', 'labels'],
      properties: {
        version: { type: 'string', example: 'default-1' },
        labels: {
          type: 'object',
          required: ['COMPLIANT', 'CONCERN', 'NON_COMPLIANT', 'SERIOUS_NON_COMPLIANCE'],
          properties: {
            COMPLIANT: { type: 'string', example: 'No issue recorded' },
            CONCERN: { type: 'string', example: 'Concern recorded' },
            NON_COMPLIANT: { type: 'string', example: 'Non-compliance recorded' },
            SERIOUS_NON_COMPLIANCE: { type: 'string', example: 'Serious non-compliance recorded' },
          },
        },
      },
    },
    parties: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'party',
          'name',
          'status',
          'label',
          'reasons',
          'confirmedBreaches',
          'pendingAllegations',
          'openDisputes',
          'accessDenials',
          'consequencesOutstanding',
          'consequencesOverdue',
          'commitments',
        ],
        properties: {
          party: { type: 'string', example: 'PK' },
          name: { type: 'string', example: 'Islamic Republic of Pakistan' },
          status: strings(STATUS_LEVELS, 'COMPLIANT'),
          label: { type: 'string', example: 'No issue recorded' },
          reasons: {
            type: 'array',
            items: {
              type: 'object',
              required: ['level', 'rule', 'count', 'threshold', 'refs'],
              properties: {
                level: strings(STATUS_LEVELS, 'NON_COMPLIANT'),
                rule: { type: 'string', example: 'NON_COMPLIANT.breaches.S3' },
                count: { type: 'integer' },
                threshold: { type: 'integer' },
                refs: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['kind', 'id', 'href'],
                    properties: {
                      kind: strings(['finding', 'accessDenial', 'commitment', 'measure'], 'finding'),
                      id: { type: 'string', example: '01a2222c-26db-7c2f-a11a-dff0fb37b952/f1' },
                      href: { type: 'string', example: '/v1/incidents/01a2222c-26db-7c2f-a11a-df' },
                    },
                  },
                },
              },
            },
          },
          confirmedBreaches: {
            type: 'object',
            required: ['total', 'bySeverity', 'findings', 'notCounted'],
            properties: {
              total: { type: 'integer' },
              bySeverity: {
                type: 'object',
                required: ['S0', 'S1', 'S2', 'S3', 'S4'],
                properties: {
                  S0: { type: 'integer' },
                  S1: { type: 'integer' },
                  S2: { type: 'integer' },
                  S3: { type: 'integer' },
                  S4: { type: 'integer' },
                },
              },
              findings: {
                type: 'array',
                items: { type: 'string', example: '01a2222c-26db-7c2f-a11a-dff0fb37b952/f1' },
              },
              notCounted: {
                type: 'object',
                required: ['belowConfidence', 'cured'],
                properties: {
                  belowConfidence: {
                    type: 'array',
                    items: { type: 'string', description: 'incident id / finding id' },
                  },
                  cured: { type: 'array', items: { type: 'string', description: 'incident id / finding id' } },
                },
              },
            },
          },
          pendingAllegations: {
            type: 'object',
            required: ['total', 'incidents'],
            properties: {
              total: { type: 'integer' },
              incidents: { type: 'array', items: { type: 'string' } },
            },
          },
          openDisputes: { type: 'integer' },
          accessDenials: { type: 'integer' },
          consequencesOutstanding: { type: 'integer' },
          consequencesOverdue: { type: 'integer' },
          commitments: {
            type: 'object',
            required: ['onTrack', 'atRisk', 'overdue', 'met'],
            properties: {
              onTrack: { type: 'integer' },
              atRisk: { type: 'integer' },
              overdue: { type: 'integer' },
              met: { type: 'integer' },
            },
          },
        },
      },
    },
    unattributedBreaches: { type: 'integer' },
    source: {
      ...strings(['live', 'versions'], 'live'),
      description: 'live: the record now; versions: as it stood at ?asOf= or ?atPosition=.',
    },
    position: { ...POSITION, nullable: true },
  },
});
