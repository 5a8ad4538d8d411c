import { isUtcTime } from './utc-time';

describe('isUtcTime', () => {
  it.each([
    '2025-10-30T12:00:00Z',
    '2025-10-30T12:00:00.123Z',
    '2025-10-30T12:00:00.123456789Z',
    '2024-02-29T00:00:00Z',
    '2000-02-29T23:59:59Z',
    '2025-12-31T23:59:59.999Z',
  ])('accepts %s', (text) => expect(isUtcTime(text)).toBe(true));

  it.each([
    ['a day after the end of its month', '2025-11-31T00:00:00Z'],
    ['29 February of a common year', '2025-02-29T00:00:00Z'],
    ['29 February of a century not divisible by 400', '1900-02-29T00:00:00Z'],
    ['day 0', '2025-10-00T00:00:00Z'],
    ['month 13', '2025-13-01T00:00:00Z'],
    ['hour 24', '2025-10-30T24:00:00Z'],
    ['minute 60', '2025-10-30T23:60:00Z'],
    ['a leap second', '2016-12-31T23:59:60Z'],
    ['an offset other than Z', '2025-10-30T12:00:00+05:00'],
    ['a lower-case z', '2025-10-30T12:00:00z'],
    ['no seconds', '2025-10-30T12:00Z'],
    ['an empty fraction', '2025-10-30T12:00:00.Z'],
    ['a date without a time', '2025-10-30'],
    ['a number', 1761825600000],
  ])('refuses %s', (_name, text) => expect(isUtcTime(text)).toBe(false));

  it('refuses more fraction digits than allowed', () => {
    expect(isUtcTime('2025-10-30T12:00:00.1234Z', 3)).toBe(false);
    expect(isUtcTime('2025-10-30T12:00:00.123Z', 3)).toBe(true);
  });
});
