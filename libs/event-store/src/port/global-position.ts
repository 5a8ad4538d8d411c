/**
 * An opaque, totally ordered position in the global log, usable as an exclusive checkpoint.
 * Every adapter encodes it as a fixed-width string, so plain string comparison orders it.
 */
export type GlobalPosition = string;

export const comparePositions = (a: GlobalPosition, b: GlobalPosition): number => (a < b ? -1 : a > b ? 1 : 0);

/** True when `position` is at or beyond `target`; nothing is beyond an absent position. */
export const hasReached = (position: GlobalPosition | undefined, target: GlobalPosition): boolean =>
  position !== undefined && position >= target;

const WIDTH = 20;
export const encodeSequence = (n: bigint | number): GlobalPosition => n.toString().padStart(WIDTH, '0');

export const decodeSequence = (position: GlobalPosition): bigint => {
  if (!/^\d{20}$/.test(position)) throw new TypeError(`not a sequence position: ${position}`);
  return BigInt(position);
};
