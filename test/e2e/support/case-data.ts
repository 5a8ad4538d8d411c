/** The e2e tests speak the demo's case: the same request bodies, so the two cannot drift apart. */
export {
  agreementRequest as agreementBody,
  airIncursionReport,
  crossBorderAttackReport as raidReport,
} from '../../../apps/demo/src/istanbul-case.requests';

export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** An access denial: the simplest breach event (one write, after triage and an open investigation). */
export const accessDenial = (n: number, deniedBy = 'AF') => ({
  denialId: `a${n}`,
  deniedBy,
  at: '2025-11-01T08:00:00Z',
  place: 'Road to the post',
  description: 'Checkpoint refused passage',
});

/**
 * A principal's registration body. `of` is what it belongs to: a party's code, a mediator's institution
 * (TR unless said), a monitor's component.
 */
export const principalBody = (name: string, role: string, of?: string): Record<string, string> => ({
  name,
  role,
  ...(role === 'party' && of ? { party: of } : {}),
  ...(role === 'mediator' ? { institution: of ?? 'TR' } : {}),
  ...(role === 'monitor' && of ? { component: of } : {}),
});
