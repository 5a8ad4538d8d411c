const RFC3339_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?Z$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * An RFC 3339 UTC time ("…Z") that names an instant as written. JavaScript's Date accepts 31 November,
 * 29 February of a common year and hour 24, and moves each to another day without a word: a record must
 * refuse them instead. A leap second (:60) is refused too, as Date cannot hold it.
 */
export const isUtcTime = (text: unknown, maxFractionDigits = 9): text is string => {
  if (typeof text !== 'string') return false;
  const match = RFC3339_UTC.exec(text);
  if (!match || (match[7] !== undefined && match[7].length > maxFractionDigits)) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]);
};
