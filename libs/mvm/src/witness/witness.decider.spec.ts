import { DeciderSpecification } from '@ceasefire/decider/testing';
import { actors, NOW } from '../testing/fixtures';
import { witnessDecider } from './witness.decider';

const spec = DeciderSpecification.for(witnessDecider);
const register = {
  type: 'RegisterWitness' as const,
  actor: actors.admin,
  now: NOW,
  name: 'mediator.tr',
  key: 'k',
  operator: 'TR',
};

describe('witness decider', () => {
  it('registers a witness once, by an admin', () => {
    spec
      .given([])
      .when(register)
      .then([
        { type: 'WitnessRegistered', data: { name: 'mediator.tr', key: 'k', operator: 'TR', registeredBy: 'p-admin' } },
      ]);
    spec
      .given([
        { type: 'WitnessRegistered', data: { name: 'mediator.tr', key: 'k', operator: 'TR', registeredBy: 'p-admin' } },
      ])
      .when(register)
      .thenThrows('WitnessAlreadyRegistered', 'conflict');
    spec
      .given([])
      .when({ ...register, actor: actors.turkiye })
      .thenThrows('RoleNotAllowed', 'forbidden');
  });
});
