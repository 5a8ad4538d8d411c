import { Module } from '@nestjs/common';
import { ListStreamsHandler } from './list-streams/list-streams.handler';
import { ListStreamsHttpController } from './list-streams/list-streams.http.controller';

@Module({ controllers: [ListStreamsHttpController], providers: [ListStreamsHandler] })
export class StreamsModule {}
