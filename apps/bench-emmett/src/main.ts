/**
 * The peer of npm run bench:api: report-incident as a NestJS team would build it on Emmett — NestJS 12
 * + Fastify + @nestjs/cqrs, the same request DTO and ValidationPipe, the domain's own incident decider,
 * and Emmett's SQLite event store (@event-driven-io/emmett-sqlite, node-sqlite3) on one shared connection:
 * aggregate the stream, decide, append expecting no stream.
 *
 * Emmett is not a dependency of the project: bench:api installs it into .bench/peers (EMMETT_PEER_DIR)
 * and this process loads it from there, so the product's install never builds node-sqlite3.
 */
import 'reflect-metadata';
import { Body, Controller, Get, HttpCode, Inject, Module, Param, Post, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Command, CommandBus, CommandHandler, CqrsModule, type ICommandHandler } from '@nestjs/cqrs';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { incidentDecider, type IncidentCommand, type IncidentEvent, type IncidentState } from '@ceasefire/mvm';
import { AgreementIdParams } from '../../api/src/agreements/agreement-id.params';
import { ReportIncidentRequestDto } from '../../api/src/incidents/report-incident.request.dto';

interface EmmettStore {
  aggregateStream(stream: string, options: object): Promise<{ state: IncidentState }>;
  appendToStream(stream: string, events: object[], options?: object): Promise<unknown>;
}

const peerDir = process.env.EMMETT_PEER_DIR ?? '.bench/peers';
const load = createRequire(resolve(peerDir, 'package.json'));
const emmettSqlite = load('@event-driven-io/emmett-sqlite') as {
  getSQLiteEventStore(options: object): EmmettStore;
  sqliteConnection(options: { fileName: string }): unknown;
};
const { STREAM_DOES_NOT_EXIST } = load('@event-driven-io/emmett') as { STREAM_DOES_NOT_EXIST: unknown };

const STORE = Symbol('STORE');
const agreementContext = (agreementId: string) => ({
  agreementId,
  status: 'ACTIVE' as const,
  parties: ['PK', 'AF'],
  provisions: ['P1', 'P2', 'P3'],
  mediators: ['TR', 'QA'],
  terms: { responseWindowHours: 72, verificationDeadlineDays: 14, disputeWindowDays: 7, adoptionQuorum: 2 },
  effectiveAt: '2025-10-19T00:00:00.000Z',
});

class ReportIncident extends Command<{ id: string }> {
  constructor(
    readonly agreementId: string,
    readonly body: ReportIncidentRequestDto,
  ) {
    super();
  }
}

@CommandHandler(ReportIncident)
class ReportIncidentHandler implements ICommandHandler<ReportIncident> {
  constructor(@Inject(STORE) private readonly store: EmmettStore) {}
  async execute({ agreementId, body }: ReportIncident) {
    const id = randomUUID();
    const stream = `incident-${id}`;
    const { state } = await this.store.aggregateStream(stream, {
      evolve: (s: IncidentState, e: IncidentEvent) => incidentDecider.evolve(s, e),
      initialState: () => incidentDecider.initialState(),
    });
    const command = {
      type: 'ReportIncident',
      incidentId: id,
      agreement: agreementContext(agreementId),
      actor: { principalId: 'pk', role: 'party', party: 'PK' },
      now: new Date().toISOString(),
      source: body.source ?? null,
      occurredAt: body.occurredAt,
      occurredAtPrecision: body.occurredAtPrecision,
      location: body.location,
      category: body.category,
      allegedPerpetrator: body.allegedPerpetrator,
      provisionsCited: body.provisionsCited,
      casualties: body.casualties,
      description: body.description,
    } as unknown as IncidentCommand;
    const events = incidentDecider.decide(command, state);
    await this.store.appendToStream(stream, events, { expectedStreamVersion: STREAM_DOES_NOT_EXIST });
    return { id };
  }
}

@Controller()
class PeerController {
  constructor(private readonly commands: CommandBus) {}

  @Get('health')
  health() {
    return { status: 'ok' };
  }

  @Post('v1/agreements/:id/incidents')
  @HttpCode(201)
  report(@Param() { id }: AgreementIdParams, @Body() body: ReportIncidentRequestDto) {
    return this.commands.execute(new ReportIncident(id, body));
  }
}

@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [PeerController],
  providers: [
    ReportIncidentHandler,
    {
      provide: STORE,
      useFactory: () => {
        const fileName = join(process.env.DATA_DIR ?? '.bench/emmett', 'events.sqlite');
        // One connection shared by every request, as the issue measured (Emmett's default opens one per call).
        const connection = emmettSqlite.sqliteConnection({ fileName });
        return emmettSqlite.getSQLiteEventStore({ fileName, connectionOptions: { singleton: true, connection } });
      },
    },
  ],
})
class PeerModule {}

const main = async () => {
  const app = await NestFactory.create<NestFastifyApplication>(
    PeerModule,
    new FastifyAdapter({ bodyLimit: 256 * 1024 }),
    { logger: false },
  );
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  await app.listen(Number(process.env.PORT ?? 3003), '127.0.0.1');
};

void main();
