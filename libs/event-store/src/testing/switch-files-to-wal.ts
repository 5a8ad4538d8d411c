/**
 * A process of the WAL-switch race test: at `startAt` (epoch ms), and every 40 ms after, opens the file
 * `<dir>/f<i>.sqlite` (i < count) as every store of DATA_DIR does, and prints how many of the opens failed.
 */
import Database from 'better-sqlite3';
import { useWriteAheadLog } from '../sqlite/write-ahead-log';

const [dir, startAt, count] = process.argv.slice(2);
let failed = 0;
for (let i = 0; i < Number(count); i++) {
  while (Date.now() < Number(startAt) + i * 40) {
    /* the processes start each open together */
  }
  const db = new Database(`${dir}/f${i}.sqlite`, { timeout: 5000 });
  try {
    useWriteAheadLog(db);
  } catch {
    failed += 1;
  }
  db.close();
}
process.stdout.write(String(failed));
