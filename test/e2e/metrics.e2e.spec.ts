import { agreementBody, raidReport } from './support/case-data';
import { TestApi } from './support/test-api';

/** One sample of a metric, with its labels given as `name="value"` pairs that must all be on the line. */
const sample = (text: string, name: string, ...labels: string[]): number | undefined => {
  const line = text
    .split('\n')
    .find((l) => (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) && labels.every((x) => l.includes(x)));
  return line === undefined ? undefined : Number(line.split(' ').pop());
};

describe('/metrics', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  it('counts every request by route template and status, every append, and reads lags, checkpoint, SSE and leases', async () => {
    const t = await api.caseCast();
    const agreement = (await api.post('/v1/agreements', t.tr, agreementBody)).body.id as string;
    const route = 'route="/v1/agreements/:id/incidents"';
    const sent = 120;
    const replies = await Promise.all(
      Array.from({ length: sent }, (_, i) =>
        api.post(
          `/v1/agreements/${agreement}/incidents`,
          t.pk,
          i % 10 === 9 ? { ...raidReport, severity: 'x' } : raidReport,
        ),
      ),
    );
    expect(replies.filter((r) => r.status === 201)).toHaveLength(108);

    const scraped = await api.get('/metrics');
    expect(scraped.status).toBe(200);
    const text = scraped.body as string;
    expect(sample(text, 'ledger_http_requests_total', route, 'method="POST"', 'status="201"')).toBe(108);
    expect(sample(text, 'ledger_http_requests_total', route, 'method="POST"', 'status="400"')).toBe(12);
    // Ids never become labels: one series per route template.
    expect(text).not.toContain(agreement);
    expect(sample(text, 'ledger_append_duration_seconds_count')).toBeGreaterThanOrEqual(109);
    expect(sample(text, 'ledger_appends_total', 'outcome="ok"')).toBeGreaterThanOrEqual(109);
    expect(sample(text, 'ledger_projection_lag_events', 'projection="incident_cases"')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'ledger_sse_clients')).toBe(0);
    expect(sample(text, 'ledger_lease_held', 'duty="checkpoint-signer"')).toBe(1);
    expect(sample(text, 'ledger_checkpoint_size')).toBe(0);
    expect(sample(text, 'ledger_process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});
