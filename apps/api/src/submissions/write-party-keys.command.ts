import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
import { type PartyKeyCommand, partyKeyDecider, partyKeysStream } from '@ceasefire/mvm';
import { type CommandInput, completeCommand } from '../write-path/command-input';
import { handleCommand, type WriteResult } from '../write-path/handle-command';
import type { WriteContext } from '../write-path/write-context';

type Filled = 'actor' | 'now' | 'party';
export type WritePartyKeysInput = CommandInput<PartyKeyCommand, Filled>;

/** Any command on a party's signing keys: one stream per party orders its registrations and revocations. */
export class WritePartyKeys extends Command<WriteResult> {
  constructor(readonly write: { party: string; input: WritePartyKeysInput; context: WriteContext }) {
    super();
  }
}

@CommandHandler(WritePartyKeys)
export class WritePartyKeysHandler implements ICommandHandler<WritePartyKeys> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ write: { party, input, context } }: WritePartyKeys): Promise<WriteResult> {
    return handleCommand(this.store, {
      stream: partyKeysStream(party),
      decider: partyKeyDecider,
      command: () => completeCommand<PartyKeyCommand, Filled>(input, { actor: context.actor, now: context.now, party }),
      context,
    });
  }
}
