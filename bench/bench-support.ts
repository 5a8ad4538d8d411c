import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Benchmarks write real files on the project's disk (not tmpfs), so fsync costs what it costs. */
export const benchDir = (name: string): string => {
  const dir = join(process.env.BENCH_DIR ?? '.bench', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
};

export const rate = (count: number, ms: number): number => (count / ms) * 1000;

export const timed = async (
  work: () => Promise<number> | number,
): Promise<{ count: number; ms: number; perSecond: number }> => {
  const start = performance.now();
  const count = await work();
  const ms = performance.now() - start;
  return { count, ms, perSecond: rate(count, ms) };
};

export const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
export const ratio = (n: number, base: number): string => `${(n / base).toFixed(2)}×`;

export const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** CPU seconds (user + system) a process has used, or one of its threads (the main thread's id is the pid); from /proc. */
export const cpuSeconds = (pid: number, thread?: number): number => {
  const stat = thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`;
  const fields = readFileSync(stat, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
