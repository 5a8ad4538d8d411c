import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
import { type PrincipalCommand, principalDecider, principalStream } from '@ceasefire/mvm';
import { type CommandInput, completeCommand } from '../../write-path/command-input';
import { handleCommand, type WriteResult } from '../../write-path/handle-command';
import type { WriteContext } from '../../write-path/write-context';

type Filled = 'actor' | 'now' | 'principalId';
export type WritePrincipalInput = CommandInput<PrincipalCommand, Filled>;

/** Registering a principal and its life after: one stream per principal. */
export class WritePrincipal extends Command<WriteResult> {
  constructor(readonly write: { principalId: string; input: WritePrincipalInput; context: WriteContext }) {
    super();
  }
}

@CommandHandler(WritePrincipal)
export class WritePrincipalHandler implements ICommandHandler<WritePrincipal> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ write: { principalId, input, context } }: WritePrincipal): Promise<WriteResult> {
    return handleCommand(this.store, {
      stream: principalStream(principalId),
      decider: principalDecider,
      command: () =>
        completeCommand<PrincipalCommand, Filled>(input, { actor: context.actor, now: context.now, principalId }),
      context,
    });
  }
}
