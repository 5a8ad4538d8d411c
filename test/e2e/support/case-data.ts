/** The e2e tests speak the demo's case: the same request bodies, so the two cannot drift apart. */
export {
  agreementRequest as agreementBody,
  airIncursionReport,
  crossBorderAttackReport as raidReport,
} from '../../../apps/demo/src/istanbul-case.requests';

export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
