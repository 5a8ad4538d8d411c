import { createReadStream } from 'node:fs';

/** The file's lines as exact byte slices (no trailing newline), read in large chunks. */
export async function* readLines(file: string): AsyncGenerator<Buffer> {
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const buffer = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let end = buffer.indexOf(10, start); end >= 0; end = buffer.indexOf(10, start)) {
      yield buffer.subarray(start, end);
      start = end + 1;
    }
    rest = buffer.subarray(start);
  }
  if (rest.length) yield rest;
}
