import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appConfigFromEnv } from '../config/app.config';
import { RequestLimitsGuard } from './request-limits.guard';

const requestOf = (method: string, actor?: object): ExecutionContext =>
  ({
    switchToHttp: () => ({ getRequest: () => ({ method, ip: '127.0.0.1', actor }) }),
    getHandler: () => requestOf,
    getClass: () => RequestLimitsGuard,
  }) as unknown as ExecutionContext;

describe('RequestLimitsGuard', () => {
  const dir = mkdtempSync(join(tmpdir(), 'request-limits-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens the shared buckets only when a request counts against them', () => {
    const guard = new RequestLimitsGuard(appConfigFromEnv({ DATA_DIR: dir }), new Reflector());
    const file = join(dir, 'rate-limits.sqlite');
    // A worker answers /health and /metrics only: plain reads, never counted.
    expect(guard.canActivate(requestOf('GET'))).toBe(true);
    expect(existsSync(file)).toBe(false);
    const party = { principalId: 'p-1', role: 'party', party: 'PK' };
    expect(guard.canActivate(requestOf('POST', party))).toBe(true);
    expect(existsSync(file)).toBe(true);
    guard.onApplicationShutdown();
  });
});
