/**
 * The baseline of npm run bench:api: a bare NestJS endpoint on Fastify with the very same request
 * DTO and ValidationPipe as report-incident, and nothing behind it — no auth, no store, no projection.
 */
import 'reflect-metadata';
import { Body, Controller, Get, HttpCode, Module, Param, Post, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { AgreementIdParams } from '../../api/src/agreements/agreement-id.params';
import { ReportIncidentRequestDto } from '../../api/src/incidents/report-incident.request.dto';

@Controller()
class BareController {
  @Get('health')
  health() {
    return { status: 'ok' };
  }

  @Post('v1/agreements/:id/incidents')
  @HttpCode(201)
  report(@Param() _params: AgreementIdParams, @Body() _body: ReportIncidentRequestDto) {
    return { id: randomUUID() };
  }
}

@Module({ controllers: [BareController] })
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
