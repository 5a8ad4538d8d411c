import { DeciderSpecification } from '@ceasefire/decider/testing';
import { actors, AGREEMENT_ID, NOW } from '../testing/fixtures';
import { agreementContext } from '../testing/incident-fixtures';
import type { Actor } from '../shared/actor';
import type { CommitmentCommand } from './commitment.commands';
import { commitmentDecider } from './commitment.decider';
import type { CommitmentEvent } from './commitment.events';

const spec = DeciderSpecification.for(commitmentDecider);
const ids = { commitmentId: 'c1', agreementId: AGREEMENT_ID };
const cmd = (fields: Record<string, unknown>, actor: Actor, now = NOW) =>
  ({ commitmentId: 'c1', agreement: agreementContext, actor, now, ...fields }) as CommitmentCommand;
const definition = {
  obligor: 'AF',
  title: 'Verifiable action against armed groups operating from its soil',
  indicator: 'camps dismantled, documented',
  target: 3,
  unit: 'camps',
  dueAt: '2025-12-31T00:00:00.000Z',
  evidenceRequired: 'geotagged imagery and monitor visit',
};
const defined: CommitmentEvent = { type: 'CommitmentDefined', data: { ...ids, ...definition, definedBy: 'p-tr' } };
const reported = (reportId: string, quantity: number): CommitmentEvent => ({
  type: 'ProgressReported',
  data: { ...ids, reportId, party: 'AF', quantity, description: 'Camps closed', evidence: ['b'.repeat(64)] },
});

describe('commitment decider', () => {
  it('defines a commitment for a party of the agreement', () =>
    spec
      .given([])
      .when(cmd({ type: 'DefineCommitment', ...definition }, actors.turkiye))
      .then([defined]));
  it('rejects a second definition, an unknown obligor, a past due date, a zero target and a party author', () => {
    spec
      .given([defined])
      .when(cmd({ type: 'DefineCommitment', ...definition }, actors.turkiye))
      .thenThrows('CommitmentAlreadyDefined');
    spec
      .given([])
      .when(cmd({ type: 'DefineCommitment', ...definition, obligor: 'IN' }, actors.turkiye))
      .thenThrows('PartyOfAgreement');
    spec
      .given([])
      .when(cmd({ type: 'DefineCommitment', ...definition, dueAt: '2025-10-01T00:00:00.000Z' }, actors.turkiye))
      .thenThrows('DueInFuture');
    spec
      .given([])
      .when(cmd({ type: 'DefineCommitment', ...definition, target: 0 }, actors.turkiye))
      .thenThrows('PositiveTarget');
    spec
      .given([])
      .when(cmd({ type: 'DefineCommitment', ...definition }, actors.pakistan))
      .thenThrows('RoleNotAllowed', 'forbidden');
  });
  it('lets only the obligor report progress', () => {
    spec
      .given([defined])
      .when(
        cmd(
          {
            type: 'ReportProgress',
            reportId: 'r1',
            quantity: 2,
            description: 'Camps closed',
            evidence: ['b'.repeat(64)],
          },
          actors.afghanistan,
        ),
      )
      .then([reported('r1', 2)]);
    spec
      .given([defined])
      .when(
        cmd({ type: 'ReportProgress', reportId: 'r1', quantity: 2, description: 'x', evidence: [] }, actors.pakistan),
      )
      .thenThrows('ReportOwnCommitmentsOnly', 'forbidden');
    spec
      .given([defined, reported('r1', 2)])
      .when(
        cmd(
          { type: 'ReportProgress', reportId: 'r1', quantity: 1, description: 'x', evidence: [] },
          actors.afghanistan,
        ),
      )
      .thenThrows('ReportIdTaken');
    spec
      .given([])
      .when(
        cmd(
          { type: 'ReportProgress', reportId: 'r1', quantity: 1, description: 'x', evidence: [] },
          actors.afghanistan,
        ),
      )
      .thenThrows('CommitmentNotFound', 'not_found');
  });
  it('verifies progress, and meets the commitment when accepted quantities reach the target', () => {
    spec
      .given([defined, reported('r1', 2)])
      .when(
        cmd(
          { type: 'VerifyProgress', reportId: 'r1', verdict: 'ACCEPTED', acceptedQuantity: 2, note: 'Visited' },
          actors.monitor,
        ),
      )
      .then([
        {
          type: 'ProgressVerified',
          data: {
            ...ids,
            reportId: 'r1',
            verdict: 'ACCEPTED',
            acceptedQuantity: 2,
            note: 'Visited',
            verifiedBy: 'p-mon1',
          },
        },
      ]);
    const first: CommitmentEvent = {
      type: 'ProgressVerified',
      data: { ...ids, reportId: 'r1', verdict: 'ACCEPTED', acceptedQuantity: 2, note: 'Visited', verifiedBy: 'p-mon1' },
    };
    spec
      .given([defined, reported('r1', 2), first, reported('r2', 1)])
      .when(
        cmd(
          { type: 'VerifyProgress', reportId: 'r2', verdict: 'ACCEPTED', acceptedQuantity: 1, note: 'Visited' },
          actors.monitor,
        ),
      )
      .thenContains([
        { type: 'ProgressVerified' },
        { type: 'CommitmentMet', data: { ...ids, at: NOW, acceptedTotal: 3 } },
      ]);
  });
  it('rejects verifying twice, more than reported, an unknown report, or by a party', () => {
    const verified: CommitmentEvent = {
      type: 'ProgressVerified',
      data: { ...ids, reportId: 'r1', verdict: 'REJECTED', acceptedQuantity: 0, note: 'x', verifiedBy: 'p-mon1' },
    };
    spec
      .given([defined, reported('r1', 2), verified])
      .when(
        cmd(
          { type: 'VerifyProgress', reportId: 'r1', verdict: 'ACCEPTED', acceptedQuantity: 1, note: 'x' },
          actors.monitor,
        ),
      )
      .thenThrows('AlreadyVerified');
    spec
      .given([defined, reported('r1', 2)])
      .when(
        cmd(
          { type: 'VerifyProgress', reportId: 'r1', verdict: 'ACCEPTED', acceptedQuantity: 3, note: 'x' },
          actors.monitor,
        ),
      )
      .thenThrows('AcceptedWithinReported');
    spec
      .given([defined])
      .when(
        cmd(
          { type: 'VerifyProgress', reportId: 'r9', verdict: 'ACCEPTED', acceptedQuantity: 1, note: 'x' },
          actors.monitor,
        ),
      )
      .thenThrows('ReportNotFound');
    spec
      .given([defined, reported('r1', 2)])
      .when(
        cmd(
          { type: 'VerifyProgress', reportId: 'r1', verdict: 'ACCEPTED', acceptedQuantity: 1, note: 'x' },
          actors.afghanistan,
        ),
      )
      .thenThrows('RoleNotAllowed');
  });
  it('marks a missed deadline once, and never for a met commitment', () => {
    const late = '2025-12-31T00:00:00.000Z';
    spec
      .given([defined])
      .when(cmd({ type: 'MarkCommitmentDeadlineMissed' }, actors.admin, late))
      .then([{ type: 'CommitmentDeadlineMissed', data: { ...ids, obligor: 'AF', dueAt: late, acceptedTotal: 0 } }]);
    spec
      .given([defined])
      .when(cmd({ type: 'MarkCommitmentDeadlineMissed' }, actors.admin, NOW))
      .then([]);
    spec
      .given([defined, { type: 'CommitmentMet', data: { ...ids, at: NOW, acceptedTotal: 3 } }])
      .when(cmd({ type: 'MarkCommitmentDeadlineMissed' }, actors.admin, late))
      .then([]);
  });
});
