import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { startTestApp, type TestApp } from './harness.js';

let t: TestApp;
const tok: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['head', 'executor', 'analyst']) tok[u] = await t.signInAs(u);
});
afterAll(async () => t?.stop());

/** The files (not directories) under the server's FILES_DIR, as paths relative to it. */
async function filesOnDisk(): Promise<string[]> {
  const entries = await readdir(t.filesDir, { recursive: true, withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [];
    throw e;
  });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(t.filesDir.length + 1)).sort();
}

async function attachmentsNamed(name: string): Promise<number> {
  const rows = await t.orm.em.fork().getConnection().execute('select count(*)::int as n from attachment where file_name = ?', [name]);
  return rows[0].n as number;
}

async function upload(token: string | undefined, name: string, body: Buffer, type = 'image/jpeg', headers: Record<string, string> = { 'x-otklik-upload': '1' }) {
  const res = await fetch(`${t.url}/files?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: new Uint8Array(body),
  });
  return { status: res.status, json: (await res.json()) as { id?: string; sha256?: string; size?: number; error?: { code: string } } };
}

/**
 * An upload on a connection of its own, closed afterwards. The server answers an oversize upload before it has read it
 * all; on a shared keep-alive connection the unread rest would break whichever request used the connection next.
 * `body`: the bytes with their Content-Length, or chunks streamed without a length.
 */
function uploadAlone(token: string, name: string, body: Buffer | Iterable<Uint8Array>): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(
      `${t.url}/files?name=${encodeURIComponent(name)}`,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/octet-stream',
          authorization: `Bearer ${token}`,
          'x-otklik-upload': '1',
          ...(Buffer.isBuffer(body) ? { 'content-length': String(body.length) } : {}),
        },
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode!, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        });
      },
    );
    // Once the server has answered it may close the connection while the rest is still being sent.
    req.on('error', (e) => (answered ? undefined : reject(e)));
    void (async () => {
      for (const chunk of Buffer.isBuffer(body) ? [body] : body) {
        if (answered || req.destroyed) return;
        if (req.write(chunk)) continue;
        await new Promise<void>((resolve) => {
          const go = () => {
            req.off('drain', go).off('close', go);
            resolve();
          };
          req.on('drain', go).on('close', go);
        });
      }
      req.end();
    })();
  });
}

describe('attachments', () => {
  it('are uploaded, attached to an item, listed and downloaded intact', async () => {
    const photo = Buffer.from(Array.from({ length: 50_000 }, (_, i) => i % 251));
    const before = await filesOnDisk();
    const up = await upload(tok.head, 'акт осмотра.jpg', photo);
    expect(up.status).toBe(201);
    expect(up.json.size).toBe(photo.length);
    expect(up.json.sha256).toBe(createHash('sha256').update(photo).digest('hex'));
    // One new file in FILES_DIR, holding the bytes.
    const added = (await filesOnDisk()).filter((f) => !before.includes(f));
    expect(added).toHaveLength(1);
    expect((await readFile(join(t.filesDir, added[0]!))).equals(photo)).toBe(true);

    const r = await t.gql<{ createItem: { id: string; attachments: { id: string; fileName: string; url: string; size: number }[] } }>(
      `mutation($i: ItemInput!) { createItem(input: $i) { id attachments { id fileName url size mimeType } } }`,
      { i: { kind: 'APPEAL', channel: 'LETTER', identified: true, text: 'Письмо с фотографией ямы', attachmentIds: [up.json.id] } },
      tok.head,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.createItem.attachments).toHaveLength(1);
    const att = r.data!.createItem.attachments[0]!;
    expect(att).toMatchObject({ fileName: 'акт осмотра.jpg', size: photo.length, url: `/files/${up.json.id}` });

    const dl = await fetch(`${t.url}${att.url}`, { headers: { authorization: `Bearer ${tok.head}` } });
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await dl.arrayBuffer()).equals(photo)).toBe(true);

    // An executor of a department the item is not assigned to does not get it.
    expect((await fetch(`${t.url}${att.url}`, { headers: { authorization: `Bearer ${tok.executor}` } })).status).toBe(404);
    expect((await fetch(`${t.url}${att.url}`)).status).toBe(401);
  });

  it('refuse anonymous callers (401), read-only roles (403), a missing upload header and empty files (400), keeping nothing', async () => {
    const before = await filesOnDisk();
    const body = Buffer.from('x');
    expect(await upload(undefined, 'refused.txt', body, 'text/plain')).toEqual({ status: 401, json: { error: expect.objectContaining({ code: 'UNAUTHENTICATED' }) } });
    expect(await upload(tok.analyst, 'refused.txt', body, 'text/plain')).toEqual({ status: 403, json: { error: expect.objectContaining({ code: 'FORBIDDEN' }) } });
    expect(await upload(tok.head, 'refused.txt', body, 'text/plain', {})).toEqual({ status: 400, json: { error: expect.objectContaining({ code: 'BAD_USER_INPUT' }) } });
    expect(await upload(tok.head, 'refused.txt', Buffer.alloc(0), 'text/plain')).toEqual({
      status: 400,
      json: { error: { code: 'BAD_USER_INPUT', message: 'The file is empty' } },
    });
    expect(await filesOnDisk()).toEqual(before);
    expect(await attachmentsNamed('refused.txt')).toBe(0);
  });

  it('refuse a file over 20 MB, declared or streamed, without keeping any of it on disk or in the database', async () => {
    // The listing sees uploads: a small one adds a file.
    const start = await filesOnDisk();
    expect((await upload(tok.head, 'small.bin', Buffer.from('ok'), 'application/octet-stream')).status).toBe(201);
    const before = await filesOnDisk();
    expect(before).toHaveLength(start.length + 1);

    const tooLarge = { status: 413, json: { error: { code: 'BAD_USER_INPUT', message: `At most ${20 * 1024 * 1024} bytes` } } };
    // Declared: Content-Length says more than 20 MB.
    expect(await uploadAlone(tok.head, 'big.bin', Buffer.alloc(20 * 1024 * 1024 + 1, 1))).toEqual(tooLarge);
    // Streamed without a length (chunked): the server stores bytes until it passes 20 MB, then must remove them.
    const mb = new Uint8Array(1024 * 1024).fill(1);
    expect(await uploadAlone(tok.head, 'big.bin', Array.from({ length: 21 }, () => mb))).toEqual(tooLarge);

    expect(await filesOnDisk()).toEqual(before);
    expect(await attachmentsNamed('big.bin')).toBe(0);
  });

  it('cannot be attached by an id that does not exist: BAD_USER_INPUT, and no item is made', async () => {
    const text = 'Письмо с вложением, которого нет';
    const r = await t.gql(
      `mutation($i: ItemInput!) { createItem(input: $i) { id } }`,
      { i: { kind: 'APPEAL', channel: 'LETTER', identified: true, text, attachmentIds: ['00000000-0000-4000-8000-000000000000'] } },
      tok.head,
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.data ?? null).toBeNull();
    const rows = await t.orm.em.fork().getConnection().execute('select count(*)::int as n from item where text = ?', [text]);
    expect(rows[0].n).toBe(0);
  });
});
