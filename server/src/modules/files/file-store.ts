import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Where the bytes of attachments live. Metadata stays in the database (Attachment). */
export interface FileStore {
  /** Stores a stream under a new key; refuses more than `maxBytes`. */
  put(body: Readable, maxBytes: number): Promise<{ key: string; size: number; sha256: string }>;
  get(key: string): Promise<Readable>;
  remove(key: string): Promise<void>;
}

export class FileTooLargeError extends Error {}

/** Files on the local disk, in `<root>/<yyyy>/<mm>/<uuid>`. An object store can implement the same interface. */
export class LocalFileStore implements FileStore {
  constructor(private readonly root: string) {}

  private path(key: string): string {
    if (!/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/.test(key)) throw new Error(`bad file key ${key}`);
    return join(this.root, key);
  }

  async put(body: Readable, maxBytes: number): Promise<{ key: string; size: number; sha256: string }> {
    const now = new Date();
    const key = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
    const file = this.path(key);
    await mkdir(dirname(file), { recursive: true });
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > maxBytes) return done(new FileTooLargeError(`more than ${maxBytes} bytes`));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(body, meter, createWriteStream(file, { flags: 'wx' }));
    } catch (e) {
      await rm(file, { force: true });
      throw e;
    }
    return { key, size, sha256: hash.digest('hex') };
  }

  async get(key: string): Promise<Readable> {
    const file = this.path(key);
    await stat(file);
    return createReadStream(file);
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}
