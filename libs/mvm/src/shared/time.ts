/** Times travel as RFC 3339 UTC strings; these helpers keep arithmetic in one place. */
export const addHours = (iso: string, hours: number): string =>
  new Date(Date.parse(iso) + hours * 3_600_000).toISOString();
export const addDays = (iso: string, days: number): string => addHours(iso, days * 24);
export const isAfter = (a: string, b: string): boolean => Date.parse(a) > Date.parse(b);
/**
 * When a deadline that started at `start` and fell due at `dueAt` really falls due, given the agreement's
 * suspensions: its clock stops while the agreement is suspended, so each suspension that begins before the
 * (extended) deadline pushes it back by the time suspended after `start`. Null while a suspension is open.
 */
export const dueUnderSuspensions = (
  start: string,
  dueAt: string,
  suspensions: { from: string; to: string | null }[],
): string | null => {
  let due = Date.parse(dueAt);
  for (const s of [...suspensions].sort((a, b) => Date.parse(a.from) - Date.parse(b.from))) {
    const from = Math.max(Date.parse(s.from), Date.parse(start));
    if (from >= due) continue;
    if (s.to === null) return null;
    due += Math.max(0, Date.parse(s.to) - from);
  }
  return new Date(due).toISOString();
};

export const isAtOrAfter = (a: string, b: string): boolean => Date.parse(a) >= Date.parse(b);
