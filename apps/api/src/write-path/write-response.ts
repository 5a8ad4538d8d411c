import type { FastifyReply } from 'fastify';
import type { WriteResult } from './handle-command';

/** Every write answers with the stream's new revision (also as ETag), its global position and the events' hashes. */
export const writeResponse = (reply: FastifyReply, result: WriteResult, extra: Record<string, unknown> = {}) => {
  if (result.revision !== null) void reply.header('ETag', `"${result.revision}"`);
  if (result.replayed) void reply.header('Idempotent-Replayed', 'true');
  if (result.ledgerWaited) void reply.header('Preference-Applied', 'wait');
  return {
    ...extra,
    revision: result.revision,
    position: result.position,
    events: result.events,
    replayed: result.replayed,
  };
};
