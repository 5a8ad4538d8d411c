import type { ApiSchemas } from '@ceasefire/api-client';

/** Request bodies of the first case, from ../shared/seed; the demo sends them and the e2e tests reuse them. */

export const agreementRequest = {
  title: 'Doha ceasefire between Pakistan and Afghanistan, reaffirmed at Istanbul',
  parties: [
    { code: 'PK', name: 'Islamic Republic of Pakistan' },
    { code: 'AF', name: 'Islamic Emirate of Afghanistan' },
  ],
  mediators: ['TR', 'QA'],
  provisions: [
    { id: 'P1', text: 'Both sides refrain from cross-border fire and air or ground incursion.', obligor: 'ALL' },
    { id: 'P2', text: 'Afghan territory is not used to launch attacks against Pakistan.', obligor: 'AF' },
    { id: 'P3', text: 'Both sides give the Monitoring and Verification Mechanism access.', obligor: 'ALL' },
  ],
  terms: { responseWindowHours: 72, verificationDeadlineDays: 14, disputeWindowDays: 7, adoptionQuorum: 2 },
  effectiveAt: '2025-10-19T00:00:00Z',
} satisfies ApiSchemas['RegisterAgreementRequestDto'];

export const crossBorderAttackReport = {
  occurredAt: '2025-10-31T22:40:00Z',
  occurredAtPrecision: 'HOUR',
  location: { lat: 34.07, lon: 71.1, precisionKm: 5, place: 'Border post near Torkham' },
  category: 'NSAG_FROM_TERRITORY',
  allegedPerpetrator: 'AF',
  provisionsCited: ['P2'],
  casualties: { low: 2, best: 3, high: 5 },
  description: 'Militants crossed from Afghan territory and attacked a Pakistani border post.',
} satisfies ApiSchemas['ReportIncidentRequestDto'];

export const airIncursionReport = {
  occurredAt: '2025-11-02T03:15:00Z',
  occurredAtPrecision: 'EXACT',
  location: { lat: 31.6, lon: 65.7, precisionKm: 10, place: 'Kandahar province airspace' },
  category: 'INCURSION_AIRSPACE',
  allegedPerpetrator: 'PK',
  provisionsCited: ['P1'],
  casualties: { low: 0, best: 0, high: 0 },
  description: 'Military aircraft crossed into Afghan airspace.',
} satisfies ApiSchemas['ReportIncidentRequestDto'];
