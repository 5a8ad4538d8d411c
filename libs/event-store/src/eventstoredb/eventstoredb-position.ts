import type { Position } from '@eventstore/db-client';
import { InvalidArgument } from '../port/event-store.errors';
import type { GlobalPosition } from '../port/global-position';

const WIDTH = 20;

/** Both halves are kept, zero-padded, so the string sorts as EventStoreDB orders $all. */
export const encodePosition = (p: Position): GlobalPosition =>
  `${p.commit.toString().padStart(WIDTH, '0')}:${p.prepare.toString().padStart(WIDTH, '0')}`;

export const decodePosition = (position: GlobalPosition, field = 'fromExclusive'): Position => {
  const match = /^(\d{20}):(\d{20})$/.exec(position);
  if (!match) throw new InvalidArgument(field, `not an EventStoreDB position: ${position}`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
};
