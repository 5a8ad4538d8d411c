import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
import { type AgreementCommand, agreementDecider, agreementStream } from '@ceasefire/mvm';
import { LedgerSequencing } from '../ledger/ledger-sequencing';
import { type CommandInput, completeCommand } from '../write-path/command-input';
import { handleCommand, type WriteResult } from '../write-path/handle-command';
import type { WriteContext } from '../write-path/write-context';
import { AgreementDirectory } from './agreement-directory';

type Filled = 'actor' | 'now' | 'agreementId';
export type AgreementCommandInput = CommandInput<AgreementCommand, Filled>;

/** Any command on one agreement's stream; the decider holds the rules. */
export class WriteAgreement extends Command<WriteResult> {
  constructor(readonly write: { agreementId: string; input: AgreementCommandInput; context: WriteContext }) {
    super();
  }
}

@CommandHandler(WriteAgreement)
export class WriteAgreementHandler implements ICommandHandler<WriteAgreement> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly agreements: AgreementDirectory,
    private readonly ledger: LedgerSequencing,
  ) {}

  async execute({ write: { agreementId, input, context } }: WriteAgreement): Promise<WriteResult> {
    const command = completeCommand<AgreementCommand, Filled>(input, {
      actor: context.actor,
      now: context.now,
      agreementId,
    });
    let result: WriteResult;
    try {
      result = await handleCommand(this.store, {
        stream: agreementStream(agreementId),
        decider: agreementDecider,
        command: () => command,
        context,
      });
    } finally {
      // Before the answer goes out, so this process's next case write sees the change.
      this.agreements.changed(agreementId);
    }
    return this.ledger.sequenced(result, context);
  }
}
