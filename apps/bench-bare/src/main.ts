/**
 * The baselines of npm run bench:api, on NestJS 12 + Fastify with the very same request DTO and
 * ValidationPipe as report-incident:
 * - POST /v1/agreements/:id/incidents — nothing behind it: no auth, no store, no projection;
 * - POST /durable/v1/agreements/:id/incidents — the least a durable event store must do: through
 *   @nestjs/cqrs, one row appended to raw better-sqlite3 (WAL, synchronous=FULL), commits grouped,
 *   answered after the commit.
 */
import 'reflect-metadata';
import { Body, Controller, Get, HttpCode, Inject, Module, Param, Post, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Command, CommandBus, CommandHandler, CqrsModule, type ICommandHandler } from '@nestjs/cqrs';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AgreementIdParams } from '../../api/src/agreements/agreement-id.params';
import { ReportIncidentRequestDto } from '../../api/src/incidents/report-incident.request.dto';

/** Rows that arrive while a commit is scheduled share it: one transaction, one fsync. */
class GroupCommittedLog {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private queue: { row: [string, string, string]; done: (position: number) => void }[] = [];
  constructor(dir: string) {
    this.db = new Database(join(dir, 'events.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(
      'CREATE TABLE events (position INTEGER PRIMARY KEY, stream TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL)',
    );
    this.insert = this.db.prepare('INSERT INTO events (stream, type, data) VALUES (?, ?, ?)');
  }
  append(stream: string, type: string, data: unknown): Promise<number> {
    return new Promise((done) => {
      if (this.queue.push({ row: [stream, type, JSON.stringify(data)], done }) === 1) setImmediate(() => this.flush());
    });
  }
  private flush() {
    const batch = this.queue;
    this.queue = [];
    const positions = this.db.transaction(() => batch.map((p) => Number(this.insert.run(...p.row).lastInsertRowid)))();
    batch.forEach((p, i) => p.done(positions[i]));
  }
}

const LOG = Symbol('LOG');

class AppendReport extends Command<{ id: string; position: number }> {
  constructor(
    readonly agreementId: string,
    readonly report: ReportIncidentRequestDto,
  ) {
    super();
  }
}

@CommandHandler(AppendReport)
class AppendReportHandler implements ICommandHandler<AppendReport> {
  constructor(@Inject(LOG) private readonly log: GroupCommittedLog) {}
  async execute({ agreementId, report }: AppendReport) {
    const id = randomUUID();
    const position = await this.log.append(`incident-${id}`, 'IncidentReported', {
      agreementId,
      incidentId: id,
      ...report,
    });
    return { id, position };
  }
}

@Controller()
class BareController {
  constructor(private readonly commands: CommandBus) {}

  @Get('health')
  health() {
    return { status: 'ok' };
  }

  @Post('v1/agreements/:id/incidents')
  @HttpCode(201)
  report(@Param() _params: AgreementIdParams, @Body() _body: ReportIncidentRequestDto) {
    return { id: randomUUID() };
  }

  @Post('durable/v1/agreements/:id/incidents')
  @HttpCode(201)
  reportDurably(@Param() { id }: AgreementIdParams, @Body() body: ReportIncidentRequestDto) {
    return this.commands.execute(new AppendReport(id, body));
  }
}

@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [BareController],
  providers: [
    AppendReportHandler,
    {
      provide: LOG,
      useFactory: () => new GroupCommittedLog(process.env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'bench-durable-'))),
    },
  ],
})
class BareModule {}

const main = async () => {
  const app = await NestFactory.create<NestFastifyApplication>(
    BareModule,
    new FastifyAdapter({ bodyLimit: 256 * 1024 }),
    { logger: false },
  );
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  await app.listen(Number(process.env.PORT ?? 3001), '127.0.0.1');
};

void main();
