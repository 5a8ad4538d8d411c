import { ConsoleLogger, type LogLevel, ValidationPipe } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { serveConsole } from './console/serve-console';
import type { AppConfig } from './config/app.config';
import { answerCreatedLocation, CreatedLocationGuard } from './http/created-location';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { securedDocument } from './http/secured-document';
import { contractDocument } from './http/contract/contract-document';
import { parseJsonWithDepthLimit } from './http/json-depth';
import { logRequests } from './http/request-logging';
import { drainOnClose } from './http/drain-on-close';
import { answerRequestId, requestIdOf } from './http/request-id';
import { capConnections, corsFor, secureHeaders, serverLimits } from './http/server-limits';
import { fieldErrorsOf, validationFailed } from './http/validation-failed';
import { recordRouteMethods } from './http/route-methods';
import { RejectInheritedNamesPipe } from './http/reject-inherited-names.pipe';
import { memoizeValidationMetadata } from './http/validation-metadata-memo';
import { WorkerRoutesGuard } from './http/worker-routes.guard';
import { measureRequests } from './metrics/http-metrics';
import { LedgerMetrics } from './metrics/ledger-metrics';

export interface CreateAppOptions {
  logger?: false;
  /**
   * Serve the Swagger UI pages at /docs (the OpenAPI JSON is always at /docs/openapi.json).
   * Jest's module runtime cannot load the UI's static-file server, so e2e tests turn it off.
   */
  docsUi?: boolean;
  /** Throw a start-up error to the caller instead of exiting the process (tests of refused starts). */
  throwOnStartError?: boolean;
}

/** Nest's levels written at LOG_LEVEL: that level and every more severe one. */
const nestLogLevels = (level: AppConfig['logLevel']): LogLevel[] => {
  const order: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
  return order.slice(0, order.indexOf(level === 'info' ? 'log' : level) + 1);
};

/** Builds the HTTP app; main.ts listens, e2e tests listen on port 0. */
export const createApp = async (config: AppConfig, options: CreateAppOptions = {}): Promise<NestFastifyApplication> => {
  const metrics = new LedgerMetrics();
  const logger =
    options.logger === false ? false : new ConsoleLogger({ json: true, logLevels: nestLogLevels(config.logLevel) });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, metrics),
    new FastifyAdapter({
      frameworkErrors: ProblemDetailsFilter.frameworkErrors,
      genReqId: requestIdOf,
      ...serverLimits(config.http),
    }),
    {
      logger: logger === false ? false : logger,
      // JSON bodies go through parseJsonWithDepthLimit instead.
      bodyParser: false,
      ...(options.throwOnStartError ? { abortOnError: false } : {}),
    },
  );
  app.enableShutdownHooks();
  recordRouteMethods(app.getHttpAdapter().getInstance());
  parseJsonWithDepthLimit(app.getHttpAdapter().getInstance());
  secureHeaders(app.getHttpAdapter().getInstance());
  answerRequestId(app.getHttpAdapter().getInstance());
  capConnections(app.getHttpServer(), config.http);
  drainOnClose(app.getHttpAdapter().getInstance(), app.getHttpServer(), config.http.shutdownGraceMs);
  corsFor(app, config.http.corsOrigins);
  if (config.role !== 'worker') serveConsole(app.getHttpAdapter().getInstance(), config.consoleDir);
  memoizeValidationMetadata();
  app.useGlobalPipes(
    new RejectInheritedNamesPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
      exceptionFactory: (errors) => validationFailed(fieldErrorsOf(errors)),
    }),
  );
  app.useGlobalFilters(new ProblemDetailsFilter());
  if (config.role === 'worker') app.useGlobalGuards(new WorkerRoutesGuard());
  app.useGlobalGuards(new CreatedLocationGuard(app.get(Reflector)));
  answerCreatedLocation(app.getHttpAdapter().getInstance());
  measureRequests(app.getHttpAdapter().getInstance(), metrics);
  if (logger && nestLogLevels(config.logLevel).includes('log')) logRequests(app.getHttpAdapter().getInstance());
  const document = contractDocument(
    securedDocument(
      SwaggerModule.createDocument(
        app,
        new DocumentBuilder()
          .setTitle('Ceasefire Ledger')
          .setDescription('The verifiable record of a ceasefire monitoring and verification mechanism.')
          .setVersion('0.1.0')
          .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
          .addServer('/', 'This server')
          .addBearerAuth(
            { type: 'http', scheme: 'bearer', description: 'An opaque principal token from POST /v1/principals.' },
            'bearer',
          )
          .build(),
      ),
    ),
  );
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs/openapi.json',
    ui: options.docsUi ?? true,
  });
  return app;
};
