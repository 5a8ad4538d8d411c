import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
import { type PartyKeyCommand, partyKeyDecider, partyKeyStream } from '@ceasefire/mvm';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { type CommandInput, completeCommand } from '../write-path/command-input';
import { handleCommand, type WriteResult } from '../write-path/handle-command';
import type { WriteContext } from '../write-path/write-context';
import { partyKeyById } from './party-keys.queries';

type Filled = 'actor' | 'now' | 'party' | 'keyId' | 'known';
export type WritePartyKeysInput = CommandInput<PartyKeyCommand, Filled>;

/** Any command on one signing key: its own stream, so the first party to register a key id keeps it. */
export class WritePartyKeys extends Command<WriteResult> {
  constructor(readonly write: { party: string; keyId: string; input: WritePartyKeysInput; context: WriteContext }) {
    super();
  }
}

@CommandHandler(WritePartyKeys)
export class WritePartyKeysHandler implements ICommandHandler<WritePartyKeys> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  execute({ write: { party, keyId, input, context } }: WritePartyKeys): Promise<WriteResult> {
    return handleCommand(this.store, {
      stream: partyKeyStream(keyId),
      decider: partyKeyDecider,
      command: () => {
        // Keys registered before each key had its own stream are known to the registry only.
        const row = partyKeyById(this.runner, keyId);
        const known = row ? { party: row.party, revoked: row.revoked_at !== null } : null;
        return completeCommand<PartyKeyCommand, Filled>(input, {
          actor: context.actor,
          now: context.now,
          party,
          keyId,
          known,
        });
      },
      context,
    });
  }
}
