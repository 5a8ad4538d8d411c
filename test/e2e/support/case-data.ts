/** Request bodies of the Pakistan–Afghanistan case, shared by the e2e tests and kept close to the seed article. */
export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

export const agreementBody = {
  title: 'Doha ceasefire, reaffirmed at Istanbul',
  parties: [
    { code: 'PK', name: 'Islamic Republic of Pakistan' },
    { code: 'AF', name: 'Islamic Emirate of Afghanistan' },
  ],
  mediators: ['TR', 'QA'],
  provisions: [
    { id: 'P1', text: 'No cross-border fire or air incursion.', obligor: 'ALL' },
    { id: 'P2', text: 'No armed group may operate from Afghan soil against Pakistan.', obligor: 'AF' },
  ],
  terms: { responseWindowHours: 72, verificationDeadlineDays: 14, disputeWindowDays: 7, adoptionQuorum: 2 },
  effectiveAt: '2025-10-19T00:00:00Z',
};

export const raidReport = {
  occurredAt: '2025-10-31T22:40:00Z',
  occurredAtPrecision: 'HOUR',
  location: { lat: 34.07, lon: 71.1, precisionKm: 5, place: 'Torkham crossing' },
  category: 'CROSS_BORDER_RAID',
  allegedPerpetrator: 'AF',
  provisionsCited: ['P2'],
  casualties: { low: 1, best: 2, high: 4 },
  description: 'Militants crossed from Afghan territory and attacked a border post.',
};

export const airIncursionReport = {
  occurredAt: '2025-11-02T03:15:00Z',
  occurredAtPrecision: 'EXACT',
  location: { lat: 31.6, lon: 65.7, precisionKm: 10, place: 'Kandahar province airspace' },
  category: 'INCURSION_AIRSPACE',
  allegedPerpetrator: 'PK',
  provisionsCited: ['P1'],
  casualties: { low: 0, best: 0, high: 0 },
  description: 'Military aircraft crossed into Afghan airspace.',
};
