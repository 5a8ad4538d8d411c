import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
import { type ShredSubjectKey, subjectKeyDecider, subjectKeyStream } from '@ceasefire/mvm';
import { handleCommand, type WriteResult } from '../write-path/handle-command';
import type { WriteContext } from '../write-path/write-context';
import { SUBJECT_KEYS, type SubjectKeyStore } from './subject-key.store';

/** Shredding a subject key: the event first (the record says who erased what, and why), then the key. */
export class ShredSubjectKeyCommand extends Command<WriteResult> {
  constructor(readonly write: { subjectKeyId: string; reason: string; context: WriteContext }) {
    super();
  }
}

@CommandHandler(ShredSubjectKeyCommand)
export class ShredSubjectKeyHandler implements ICommandHandler<ShredSubjectKeyCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SUBJECT_KEYS) private readonly keys: SubjectKeyStore,
  ) {}

  async execute({ write: { subjectKeyId, reason, context } }: ShredSubjectKeyCommand): Promise<WriteResult> {
    const result = await handleCommand(this.store, {
      stream: subjectKeyStream(subjectKeyId),
      decider: subjectKeyDecider,
      command: (): ShredSubjectKey => ({
        type: 'ShredSubjectKey',
        actor: context.actor,
        now: context.now,
        subjectKeyId,
        reason,
      }),
      context,
    });
    this.keys.destroy(subjectKeyId);
    return result;
  }
}
