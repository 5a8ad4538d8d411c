import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess } from './support/api-process';
import { agreementBody } from './support/case-data';

// Issue 15, part 5: the write quota is the principal's, however many api processes serve it. Each process
// used to count its own requests, so behind two processes a principal could write twice its quota.
describe('write quotas across api processes on one DATA_DIR', () => {
  const processes: ApiProcess[] = [];
  beforeAll(() => ApiProcess.build(), 300_000);
  afterAll(() => Promise.all(processes.map((p) => p.kill())));

  it('refuses the principal once it used its quota, through whichever process', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ledger-rate-limits-'));
    for (const role of ['all', 'api']) {
      const p = await ApiProcess.create({ DATA_DIR: dataDir, ROLE: role, WRITES_PER_MINUTE: '4' });
      await p.start();
      processes.push(p);
    }
    const [first, second] = processes;
    const mediator = await first.principal('TR', 'mediator');
    const statuses: number[] = [];
    let last = '';
    for (let i = 0; i < 6; i++) {
      const reply = await (i % 2 ? second : first).request('POST', '/v1/agreements', mediator, {
        ...agreementBody,
        title: `Agreement ${i}`,
      });
      statuses.push(reply.status);
      if (reply.status === 201) last = reply.body.position;
      if (reply.status === 429) expect(reply.body.code).toBe('WRITE_QUOTA_EXCEEDED');
    }
    expect(statuses).toEqual([201, 201, 201, 201, 429, 429]);
    // Nothing of the refused writes is in the record.
    const list = await second.request('GET', `/v1/agreements?minPosition=${last}`, mediator);
    expect(list.body.agreements).toHaveLength(4);
  });
});
