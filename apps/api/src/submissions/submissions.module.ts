import { Module } from '@nestjs/common';
import { PartyKeysHttpController } from './party-keys.http.controller';
import { WritePartyKeysHandler } from './write-party-keys.command';

/** Parties' signing keys; the signature guard itself is registered with the bearer guard (AuthModule). */
@Module({ controllers: [PartyKeysHttpController], providers: [WritePartyKeysHandler] })
export class SubmissionsModule {}
