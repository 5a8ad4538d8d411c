/** Times travel as RFC 3339 UTC strings; these helpers keep arithmetic in one place. */
export const addHours = (iso: string, hours: number): string =>
  new Date(Date.parse(iso) + hours * 3_600_000).toISOString();
export const addDays = (iso: string, days: number): string => addHours(iso, days * 24);
export const isAfter = (a: string, b: string): boolean => Date.parse(a) > Date.parse(b);
export const isAtOrAfter = (a: string, b: string): boolean => Date.parse(a) >= Date.parse(b);
