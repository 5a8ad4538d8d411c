import { closeSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';

const BLOCK = 512;
const CHUNK = 1 << 20;

const field = (header: Buffer, offset: number, length: number, value: string) =>
  header.write(value.slice(0, length), offset, length, 'ascii');
const octal = (value: number, length: number) => value.toString(8).padStart(length - 1, '0');

/** A ustar header for a regular file (names up to 100 bytes: the archive holds a flat list of store files). */
const headerFor = (name: string, size: number, mode: number, mtime: number): Buffer => {
  if (Buffer.byteLength(name) > 100) throw new Error(`${name}: name longer than 100 bytes`);
  const header = Buffer.alloc(BLOCK);
  field(header, 0, 100, name);
  field(header, 100, 8, octal(mode, 8));
  field(header, 108, 8, octal(0, 8));
  field(header, 116, 8, octal(0, 8));
  field(header, 124, 12, octal(size, 12));
  field(header, 136, 12, octal(Math.floor(mtime / 1000), 12));
  header.fill(' ', 148, 156);
  header.write('0', 156, 'ascii');
  field(header, 257, 6, 'ustar');
  field(header, 263, 2, '00');
  let sum = 0;
  for (const byte of header) sum += byte;
  field(header, 148, 8, `${octal(sum, 7)}\0`);
  return header;
};

/** Writes files into a ustar archive, each streamed from its path, then fsyncs it. */
export class TarWriter {
  private readonly fd: number;

  constructor(path: string) {
    this.fd = openSync(path, 'wx', 0o600);
  }

  add(name: string, source: string, size: number, onBytes: (n: number) => void = () => undefined): void {
    writeSync(this.fd, headerFor(name, size, 0o600, Date.now()));
    const input = openSync(source, 'r');
    const buffer = Buffer.alloc(CHUNK);
    let left = size;
    try {
      while (left > 0) {
        const n = readSync(input, buffer, 0, Math.min(CHUNK, left), null);
        if (n === 0) throw new Error(`${source} ended ${left} bytes early`);
        writeSync(this.fd, buffer, 0, n);
        left -= n;
        onBytes(n);
      }
    } finally {
      closeSync(input);
    }
    const pad = (BLOCK - (size % BLOCK)) % BLOCK;
    if (pad) writeSync(this.fd, Buffer.alloc(pad));
  }

  finish(): void {
    writeSync(this.fd, Buffer.alloc(BLOCK * 2));
    fsyncSync(this.fd);
    closeSync(this.fd);
  }
}

export interface TarEntry {
  name: string;
  size: number;
}

/** Reads a ustar archive written by TarWriter: each entry's content goes to `write(entry, chunk)`. */
export const readTar = (path: string, open: (entry: TarEntry) => (chunk: Buffer) => void): TarEntry[] => {
  const fd = openSync(path, 'r');
  const entries: TarEntry[] = [];
  const header = Buffer.alloc(BLOCK);
  const buffer = Buffer.alloc(CHUNK);
  try {
    for (;;) {
      if (readSync(fd, header, 0, BLOCK, null) < BLOCK) throw new Error('the archive ends inside a header');
      if (header.every((b) => b === 0)) return entries;
      const name = header.toString('ascii', 0, 100).replace(/\0.*$/s, '');
      const size = parseInt(header.toString('ascii', 124, 136).replace(/\0.*$/s, '').trim(), 8);
      let sum = 0;
      for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i];
      if (sum !== parseInt(header.toString('ascii', 148, 156), 8) || !Number.isInteger(size) || !name)
        throw new Error(`the archive's header ${entries.length + 1} is damaged`);
      const entry = { name, size };
      const write = open(entry);
      let left = size;
      while (left > 0) {
        const n = readSync(fd, buffer, 0, Math.min(CHUNK, left), null);
        if (n === 0) throw new Error(`the archive ends inside ${name}`);
        write(buffer.subarray(0, n));
        left -= n;
      }
      const pad = (BLOCK - (size % BLOCK)) % BLOCK;
      if (pad) readSync(fd, Buffer.alloc(pad), 0, pad, null);
      entries.push(entry);
    }
  } finally {
    closeSync(fd);
  }
};
