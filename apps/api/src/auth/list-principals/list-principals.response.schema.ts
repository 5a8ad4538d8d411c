import { ROLES } from '@ceasefire/mvm';
import {
  list,
  namedSchema,
  nullable,
  object,
  pageOf,
  strings,
  text,
  TIMESTAMP,
  UUID,
} from '../../http/contract/named-schema';

export const Principal = namedSchema(
  'Principal',
  object({
    id: UUID,
    name: text('Türkiye MFA liaison'),
    role: strings(ROLES, 'mediator'),
    party: { ...nullable(text('PK')), description: 'The party a party principal acts for.' },
    institution: { ...nullable(text('TR')), description: "A mediator's institution (quorums count institutions)." },
    component: { ...nullable(text('monitors')), description: "A monitor's component of the mechanism." },
    agreements: {
      ...nullable(list(UUID)),
      description: 'The agreements it is limited to; null: all it may otherwise read.',
    },
    status: strings(['ACTIVE', 'SUSPENDED', 'REVOKED'], 'ACTIVE'),
    registeredAt: TIMESTAMP,
    changedAt: TIMESTAMP,
  }),
);

export const PrincipalPage = pageOf('PrincipalPage', 'principals', Principal);
