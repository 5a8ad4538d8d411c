import { addDays, isAfter } from '../shared/time';
import type { ComplianceState } from './compliance.state';

export type ComplianceStatus = 'COMPLIANT' | 'CONCERN' | 'NON_COMPLIANT' | 'MATERIAL_BREACH';

/** A commitment is at risk when it is open, unmet and falls due within this many days. */
export const AT_RISK_DAYS = 14;

/**
 * The documented rules (our proposal, research/domain.md §3), worst first:
 * - MATERIAL_BREACH: a confirmed S4 breach, two or more confirmed S3 breaches, or three or more access denials.
 * - NON_COMPLIANT: a confirmed S2 or S3 breach, any access denial, an overdue commitment, or a consequence past due.
 * - CONCERN: a confirmed S0 or S1 breach, or a commitment at risk.
 * - COMPLIANT: none of these. Pending allegations never change the status; they are shown apart.
 */
export const statusFrom = (p: Omit<PartyCompliance, 'status' | 'party' | 'name'>): ComplianceStatus => {
  const s = p.confirmedBreaches.bySeverity;
  if (s.S4 > 0 || s.S3 >= 2 || p.accessDenials >= 3) return 'MATERIAL_BREACH';
  if (s.S2 > 0 || s.S3 > 0 || p.accessDenials > 0 || p.commitments.overdue > 0 || p.consequencesOverdue > 0)
    return 'NON_COMPLIANT';
  if (s.S0 > 0 || s.S1 > 0 || p.commitments.atRisk > 0) return 'CONCERN';
  return 'COMPLIANT';
};

export interface PartyCompliance {
  party: string;
  name: string;
  status: ComplianceStatus;
  confirmedBreaches: {
    total: number;
    bySeverity: Record<'S0' | 'S1' | 'S2' | 'S3' | 'S4', number>;
    findings: string[];
  };
  pendingAllegations: { total: number; incidents: string[] };
  openDisputes: number;
  accessDenials: number;
  consequencesOutstanding: number;
  consequencesOverdue: number;
  commitments: { onTrack: number; atRisk: number; overdue: number; met: number };
}

export interface ComplianceReport {
  agreementId: string | null;
  asOf: string;
  parties: PartyCompliance[];
  unattributedBreaches: number;
}

/** Lists in a report are in id order (time order for the server's UUIDv7 ids), whatever order the state was built in. */
const byId = <T>(entries: [string, T][]): [string, T][] => entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

export const complianceReport = (state: ComplianceState, asOf: string): ComplianceReport => {
  const breaches = byId(Object.entries(state.breaches)).filter(([, b]) => !b.vacated);
  const parties = state.parties.map(({ code, name }): PartyCompliance => {
    const mine = breaches.filter(([, b]) => b.parties.includes(code));
    const bySeverity = { S0: 0, S1: 0, S2: 0, S3: 0, S4: 0 };
    for (const [, b] of mine) bySeverity[b.severity] += 1;
    const pending = byId(Object.entries(state.allegations)).filter(([, a]) => a.pending && a.against === code);
    const measures = Object.values(state.measures).filter((m) => m.party === code && !m.fulfilled);
    const commitments = { onTrack: 0, atRisk: 0, overdue: 0, met: 0 };
    for (const c of Object.values(state.commitments).filter((c) => c.obligor === code)) {
      if (c.status === 'MET') commitments.met += 1;
      else if (c.status === 'OVERDUE' || !isAfter(c.dueAt, asOf)) commitments.overdue += 1;
      else if (!isAfter(c.dueAt, addDays(asOf, AT_RISK_DAYS))) commitments.atRisk += 1;
      else commitments.onTrack += 1;
    }
    const partial = {
      confirmedBreaches: { total: mine.length, bySeverity, findings: mine.map(([id]) => id) },
      pendingAllegations: { total: pending.length, incidents: pending.map(([id]) => id) },
      openDisputes: Object.values(state.disputes).filter((d) => d.open && d.party === code).length,
      accessDenials: Object.values(state.accessDenials).filter((d) => d.party === code).length,
      consequencesOutstanding: measures.length,
      consequencesOverdue: measures.filter((m) => m.dueAt !== null && !isAfter(m.dueAt, asOf)).length,
      commitments,
    };
    return { party: code, name, status: statusFrom(partial), ...partial };
  });
  return {
    agreementId: state.agreementId,
    asOf,
    parties,
    unattributedBreaches: breaches.filter(([, b]) => b.parties.length === 0).length,
  };
};
