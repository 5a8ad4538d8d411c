export const SEVERITIES = ['S0', 'S1', 'S2', 'S3', 'S4'] as const;
export type Severity = (typeof SEVERITIES)[number];

interface FindingLike {
  status: string;
  outcome: string;
  attributedParties?: string[];
  severity?: string | null;
  adoptedAt?: string | null;
}

export interface MonthOfBreaches {
  /** YYYY-MM, UTC. */
  month: string;
  /** Confirmed breaches adopted that month, by party, then by severity. */
  byParty: Record<string, Partial<Record<Severity, number>>>;
}

const ATTRIBUTING = new Set(['VIOLATION_ATTRIBUTED', 'VIOLATION_MULTI_PARTY']);

/**
 * Confirmed breaches by month of adoption, per party and severity: each adopted finding that attributes a
 * violation counts once for each party it names, at its current severity. Months without any stay in the
 * series (a quiet month is information too), from the first breach to the last. `adoptedBy` leaves out
 * findings adopted after that instant (the dashboard's time cut).
 */
export const breachesOverTime = (
  incidents: { findings: FindingLike[] }[],
  parties: string[],
  adoptedBy?: string,
): MonthOfBreaches[] => {
  const months = new Map<string, MonthOfBreaches>();
  for (const incident of incidents)
    for (const f of incident.findings) {
      if (f.status !== 'ADOPTED' || !ATTRIBUTING.has(f.outcome) || !f.adoptedAt) continue;
      if (adoptedBy && Date.parse(f.adoptedAt) > Date.parse(adoptedBy)) continue;
      const severity = (SEVERITIES as readonly string[]).includes(f.severity ?? '')
        ? (f.severity as Severity)
        : undefined;
      if (!severity) continue;
      const month = f.adoptedAt.slice(0, 7);
      const entry = months.get(month) ?? emptyMonth(month, parties);
      months.set(month, entry);
      for (const party of f.attributedParties ?? []) {
        const counts = (entry.byParty[party] ??= {});
        counts[severity] = (counts[severity] ?? 0) + 1;
      }
    }
  const sorted = [...months.keys()].sort();
  if (sorted.length === 0) return [];
  const series: MonthOfBreaches[] = [];
  for (let month = sorted[0]; month <= sorted[sorted.length - 1]; month = nextMonth(month))
    series.push(months.get(month) ?? emptyMonth(month, parties));
  return series;
};

const emptyMonth = (month: string, parties: string[]): MonthOfBreaches => ({
  month,
  byParty: Object.fromEntries(parties.map((p): [string, Partial<Record<Severity, number>>] => [p, {}])),
});

const nextMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};
