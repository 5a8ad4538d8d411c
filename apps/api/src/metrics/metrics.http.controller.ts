import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { Replies } from '../http/contract/replies.decorator';
import { LEDGER_METRICS, type LedgerMetrics } from './ledger-metrics';

/** Public like /health: serve it on a network only the monitoring system reaches (see docs/DEPLOY.md). */
@ApiTags('operations')
@Public()
@Controller('metrics')
export class MetricsHttpController {
  constructor(@Inject(LEDGER_METRICS) private readonly metrics: LedgerMetrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @Replies.text('text/plain', 'The metrics, in the Prometheus text format.', {
    example: '# HELP ledger_http_requests_total HTTP requests answered…\n',
  })
  @ApiOperation({
    operationId: 'getMetrics',
    summary:
      'Prometheus metrics: requests by route and status, appends, projection lag, checkpoint size and age, webhook deliveries and queue, SSE clients, leases.',
  })
  scrape(): Promise<string> {
    return this.metrics.scrape();
  }
}
