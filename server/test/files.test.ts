import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { startTestApp, type TestApp } from './harness.js';

let t: TestApp;
const tok: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['head', 'executor', 'analyst']) tok[u] = await t.signInAs(u);
});
afterAll(async () => t?.stop());

async function upload(token: string | undefined, name: string, body: Buffer, type = 'image/jpeg', headers: Record<string, string> = { 'x-otklik-upload': '1' }) {
  const res = await fetch(`${t.url}/files?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: new Uint8Array(body),
  });
  return { status: res.status, json: (await res.json()) as { id?: string; sha256?: string; size?: number; error?: { code: string } } };
}

describe('attachments', () => {
  it('are uploaded, attached to an item, listed and downloaded intact', async () => {
    const photo = Buffer.from(Array.from({ length: 50_000 }, (_, i) => i % 251));
    const up = await upload(tok.head, 'акт осмотра.jpg', photo);
    expect(up.status).toBe(201);
    expect(up.json.size).toBe(photo.length);
    expect(up.json.sha256).toBe(createHash('sha256').update(photo).digest('hex'));

    const r = await t.gql<{ createItem: { id: string; attachments: { id: string; fileName: string; url: string; size: number }[] } }>(
      `mutation($i: ItemInput!) { createItem(input: $i) { id attachments { id fileName url size mimeType } } }`,
      { i: { kind: 'APPEAL', channel: 'LETTER', identified: true, text: 'Письмо с фотографией ямы', attachmentIds: [up.json.id] } },
      tok.head,
    );
    expect(r.errors).toBeUndefined();
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

  it('refuse anonymous callers, read-only roles, a missing upload header and empty files', async () => {
    const body = Buffer.from('x');
    expect((await upload(undefined, 'a.txt', body, 'text/plain')).status).toBe(401);
    expect((await upload(tok.analyst, 'a.txt', body, 'text/plain')).json.error?.code).toBe('FORBIDDEN');
    expect((await upload(tok.head, 'a.txt', body, 'text/plain', {})).status).toBe(400);
    expect((await upload(tok.head, 'a.txt', Buffer.alloc(0), 'text/plain')).status).toBe(400);
  });

  it('refuse a file over 20 MB without keeping any of it', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 1);
    const r = await upload(tok.head, 'big.bin', big, 'application/octet-stream');
    expect(r.status).toBe(413);
    const rows = await t.orm.em.fork().getConnection().execute(`select count(*)::int as n from attachment where file_name = 'big.bin'`);
    expect(rows[0].n).toBe(0);
  });

  it('cannot be attached by an id that does not exist', async () => {
    const r = await t.gql(
      `mutation($i: ItemInput!) { createItem(input: $i) { id } }`,
      { i: { kind: 'APPEAL', channel: 'LETTER', identified: true, text: 'Письмо', attachmentIds: ['00000000-0000-4000-8000-000000000000'] } },
      tok.head,
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
