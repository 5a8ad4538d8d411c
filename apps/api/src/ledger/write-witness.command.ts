import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
import { type RegisterWitness, witnessDecider, witnessStream } from '@ceasefire/mvm';
import { type CommandInput, completeCommand } from '../write-path/command-input';
import { handleCommand, type WriteResult } from '../write-path/handle-command';
import type { WriteContext } from '../write-path/write-context';

type Filled = 'actor' | 'now' | 'name';
export type WriteWitnessInput = CommandInput<RegisterWitness, Filled>;

/** Registering a witness's cosigner key: one stream per witness name. */
export class WriteWitness extends Command<WriteResult> {
  constructor(readonly write: { name: string; input: WriteWitnessInput; context: WriteContext }) {
    super();
  }
}

@CommandHandler(WriteWitness)
export class WriteWitnessHandler implements ICommandHandler<WriteWitness> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ write: { name, input, context } }: WriteWitness): Promise<WriteResult> {
    return handleCommand(this.store, {
      stream: witnessStream(name),
      decider: witnessDecider,
      command: () => completeCommand<RegisterWitness, Filled>(input, { actor: context.actor, now: context.now, name }),
      context,
    });
  }
}
