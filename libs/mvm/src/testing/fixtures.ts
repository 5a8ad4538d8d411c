import type { AgreementEvent, MechanismTerms } from '../agreement/agreement.events';
import type { Actor } from '../shared/actor';

/** The first case: the Doha ceasefire, reaffirmed in Istanbul, mediated by Türkiye and Qatar. */
export const AGREEMENT_ID = '6f1c9a52-3c1e-4a8e-9d0b-2d6f4b1e7a10';
export const NOW = '2025-11-01T09:00:00.000Z';

export const actors = {
  admin: { principalId: 'p-admin', role: 'admin' },
  pakistan: { principalId: 'p-pk', role: 'party', party: 'PK' },
  afghanistan: { principalId: 'p-af', role: 'party', party: 'AF' },
  monitor: { principalId: 'p-mon1', role: 'monitor' },
  monitor2: { principalId: 'p-mon2', role: 'monitor' },
  turkiye: { principalId: 'p-tr', role: 'mediator', institution: 'TR' },
  /** A second account of the same institution: it adds no vote to a quorum. */
  turkiye2: { principalId: 'p-tr2', role: 'mediator', institution: 'TR' },
  qatar: { principalId: 'p-qa', role: 'mediator', institution: 'QA' },
  /** A mediator of an institution the agreement does not list. */
  stranger: { principalId: 'p-xx', role: 'mediator', institution: 'XX' },
  auditor: { principalId: 'p-aud', role: 'auditor' },
  observer: { principalId: 'p-obs', role: 'observer' },
} satisfies Record<string, Actor>;

export const terms: MechanismTerms = {
  responseWindowHours: 72,
  verificationDeadlineDays: 14,
  disputeWindowDays: 7,
  adoptionQuorum: 2,
};

export const agreementRegistered: AgreementEvent = {
  type: 'AgreementRegistered',
  data: {
    agreementId: AGREEMENT_ID,
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
    terms,
    effectiveAt: '2025-10-19T00:00:00.000Z',
  },
};
