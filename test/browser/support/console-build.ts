import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const newest = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((n, entry) => {
    const path = join(dir, entry.name);
    return Math.max(n, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);

/** Builds the console (npm run build:console) when its sources or the typed client changed since the last build. */
export const buildConsole = (): void => {
  const root = process.cwd();
  const built = join(root, 'dist-console', 'index.html');
  const sources = Math.max(
    newest(join(root, 'apps', 'console', 'src')),
    newest(join(root, 'libs', 'api-client', 'src')),
  );
  if (existsSync(built) && statSync(built).mtimeMs > sources) return;
  execFileSync('npm', ['run', 'build:console'], { stdio: 'ignore' });
};
