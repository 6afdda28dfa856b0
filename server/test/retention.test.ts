import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemEm } from '../src/db/orm.js';
import { purgeAttachments } from '../src/modules/files/attachment-retention.js';
import { LocalFileStore } from '../src/modules/files/file-store.js';
import { purgeImportFiles } from '../src/modules/imports/import-retention.js';
import { purgeWebhookDeliveries } from '../src/modules/webhooks/webhook-retention.js';
import { codeOf, startTestApp, type TestApp } from './harness.js';

/*
 * What is kept only for a while (docs/operations.md, "Retention"): an uploaded import file (the applicants' names,
 * phones and addresses of another system) once no job needs it, and webhook deliveries that are done with. The
 * purges run against the real database and file store at instants the test names.
 */

let t: TestApp;
let head: string;

beforeAll(async () => {
  t = await startTestApp({ env: { WEBHOOK_ALLOW_PRIVATE: 'true' } });
  head = await t.signInAs('head');
});
afterAll(async () => t?.stop());

const CSV = 'Номер;Дата;Текст обращения;ФИО заявителя;Телефон\r\nCRM-1;20.11.2026 10:00;Не вывозят мусор с площадки во дворе;Иванов Иван Иванович;+79001234567\r\n';

async function upload(name: string): Promise<string> {
  const res = await fetch(`${t.url}/imports?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${head}`, 'x-otklik-upload': '1', 'content-type': 'text/csv' },
    body: CSV,
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => systemEm(t.orm).getConnection().execute<T[]>(text, params);
const purgeFiles = (now: string) => purgeImportFiles(systemEm(t.orm), new LocalFileStore(t.filesDir), new Date(now), 30);
const storedAt = async (fileId: string) => join(t.filesDir, (await sql<{ storage_key: string }>('select storage_key from import_file where id = ?', [fileId]))[0]!.storage_key);
const exists = (path: string) => stat(path).then(() => true, () => false);

describe('import files', () => {
  it('a file uploaded more than 30 days ago and never imported is removed from the store; reading it then answers NOT_FOUND with reason IMPORT_FILE_PURGED', async () => {
    const id = await upload('crm-old.csv');
    const path = await storedAt(id);
    await sql(`update import_file set created_at = '2026-10-01T09:00:00Z' where id = ?`, [id]);

    // 30 days after the upload it is still there; a day later it is gone.
    expect(await purgeFiles('2026-10-31T08:00:00Z')).toBe(0);
    expect(await exists(path)).toBe(true);
    expect(await purgeFiles('2026-11-01T10:00:00Z')).toBe(1);
    expect(await exists(path)).toBe(false);

    const r = await t.gql('query($id: ID!) { importFile(id: $id) { headers } }', { id }, head);
    expect(codeOf(r)).toBe('NOT_FOUND');
    expect(r.errors?.[0]?.extensions?.reason).toBe('IMPORT_FILE_PURGED');
    // Removed once: the next run finds nothing more to remove.
    expect(await purgeFiles('2026-11-02T10:00:00Z')).toBe(0);
  });

  it('a file is kept while a job made from it is queued or running, and for 30 days after that job ended; its job stays after the file is removed', async () => {
    const id = await upload('crm-job.csv');
    const path = await storedAt(id);
    const started = await t.gql<{ startImport: { id: string } }>(
      'mutation($i: StartImportInput!) { startImport(input: $i) { id } }',
      { i: { fileId: id, source: 'crm', dryRun: true, kind: 'MESSAGE', channel: 'EMAIL', columns: [{ column: 'Номер', field: 'EXTERNAL_ID' }, { column: 'Дата', field: 'RECEIVED_AT' }, { column: 'Текст обращения', field: 'TEXT' }] } },
      head,
    );
    expect(started.errors).toBeUndefined();
    const jobId = started.data!.startImport.id;
    await sql(`update import_file set created_at = '2026-09-01T09:00:00Z' where id = ?`, [id]);

    // Queued (no scheduler runs in this test), then running: kept however old the file.
    expect(await purgeFiles('2026-12-01T10:00:00Z')).toBe(0);
    await sql(`update import_job set status = 'RUNNING' where id = ?`, [jobId]);
    expect(await purgeFiles('2026-12-01T10:00:00Z')).toBe(0);
    // Ended on 20 November: kept to 20 December.
    await sql(`update import_job set status = 'DONE', finished_at = '2026-11-20T10:00:00Z' where id = ?`, [jobId]);
    expect(await purgeFiles('2026-12-19T10:00:00Z')).toBe(0);
    expect(await exists(path)).toBe(true);
    expect(await purgeFiles('2026-12-21T10:00:00Z')).toBe(1);
    expect(await exists(path)).toBe(false);

    const job = await t.gql<{ importJob: { id: string; status: string; fileName: string } }>('query($id: ID!) { importJob(id: $id) { id status fileName } }', { id: jobId }, head);
    expect(job.data?.importJob).toEqual({ id: jobId, status: 'DONE', fileName: 'crm-job.csv' });
  });
});

describe('attachments', () => {
  async function uploadFile(name: string): Promise<string> {
    const res = await fetch(`${t.url}/files?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${head}`, 'x-otklik-upload': '1', 'content-type': 'image/jpeg' },
      body: new Uint8Array(Buffer.from(`фото ${name}`)),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }
  const attachmentPath = async (id: string) => join(t.filesDir, (await sql<{ storage_key: string }>('select storage_key from attachment where id = ?', [id]))[0]!.storage_key);
  const attachmentIds = async () => (await sql<{ id: string }>('select id from attachment')).map((r) => r.id);
  const purge = (now: string) => purgeAttachments(systemEm(t.orm), new LocalFileStore(t.filesDir), new Date(now), { unattachedHours: 24, retentionYears: 5 });

  it('removes a file uploaded for an item that never got it after 24 hours, and the files of items closed more than five years ago; keeps the rest', async () => {
    const [unsent, recent, ofOld, ofNewer] = [await uploadFile('unsent.jpg'), await uploadFile('recent.jpg'), await uploadFile('old.jpg'), await uploadFile('newer.jpg')];
    const item = async (attachment: string) => {
      const r = await t.gql<{ createItem: { id: string } }>(
        'mutation($i: ItemInput!) { createItem(input: $i) { id } }',
        { i: { kind: 'MESSAGE', channel: 'PHONE', identified: true, text: 'Во дворе дома не вывозят мусор, фото приложено', categoryCode: 'ZHKH_HEATING', attachmentIds: [attachment] } },
        head,
      );
      expect(r.errors).toBeUndefined();
      return r.data!.createItem.id;
    };
    const oldItem = await item(ofOld);
    const newerItem = await item(ofNewer);
    await sql(`update attachment set created_at = '2026-11-30T08:00:00Z' where id = ?`, [unsent]);
    await sql(`update attachment set created_at = '2026-12-01T08:00:00Z' where id in (?, ?, ?)`, [recent, ofOld, ofNewer]);
    await sql(`update item set status = 'CLOSED', closed_at = '2021-11-30T10:00:00Z' where id = ?`, [oldItem]);
    await sql(`update item set status = 'CLOSED', closed_at = '2021-12-02T10:00:00Z' where id = ?`, [newerItem]);
    const paths = { unsent: await attachmentPath(unsent), ofOld: await attachmentPath(ofOld), recent: await attachmentPath(recent), ofNewer: await attachmentPath(ofNewer) };

    expect(await purge('2026-12-01T10:00:00Z')).toEqual({ unattached: 1, expired: 1 });
    expect(await attachmentIds()).not.toContain(unsent);
    expect(await attachmentIds()).not.toContain(ofOld);
    expect(await exists(paths.unsent)).toBe(false);
    expect(await exists(paths.ofOld)).toBe(false);
    // An upload of two hours ago waits to be attached; the item closed four years and 364 days ago keeps its photo.
    expect(await attachmentIds()).toEqual(expect.arrayContaining([recent, ofNewer]));
    expect(await exists(paths.recent)).toBe(true);
    expect(await exists(paths.ofNewer)).toBe(true);
    const card = await t.gql<{ item: { attachments: unknown[] } }>('query($id: ID!) { item(id: $id) { attachments { id } } }', { id: oldItem }, head);
    expect(card.data!.item.attachments).toEqual([]);
  });
});

describe('webhook deliveries', () => {
  it('deletes deliveries delivered or cancelled more than 30 days ago, and keeps newer ones, dead ones (they wait for a replay) and pending ones', async () => {
    const made = await t.gql<{ createWebhook: { id: string } }>(
      'mutation($i: WebhookInput!) { createWebhook(input: $i) { id } }',
      { i: { url: 'http://127.0.0.1:9/hook', secret: 'a-secret-of-enough-length', eventTypes: ['CREATED'] } },
      head,
    );
    expect(made.errors).toBeUndefined();
    const webhookId = made.data!.createWebhook.id;
    const [{ municipality_id }] = await sql<{ municipality_id: string }>('select municipality_id from webhook where id = ?', [webhookId]);
    const rows: [string, string, string | null, string][] = [
      ['old delivered', 'DELIVERED', '2026-10-01T10:00:00Z', '2026-10-01T10:00:00Z'],
      ['old cancelled', 'CANCELLED', null, '2026-10-02T10:00:00Z'],
      ['new delivered', 'DELIVERED', '2026-11-15T10:00:00Z', '2026-11-15T10:00:00Z'],
      ['old dead', 'DEAD', null, '2026-10-01T10:00:00Z'],
      ['old pending', 'PENDING', null, '2026-10-01T10:00:00Z'],
    ];
    for (const [body, status, deliveredAt, updatedAt] of rows) {
      await sql(
        `insert into webhook_delivery (id, municipality_id, webhook_id, event_type, body, status, delivered_at, created_at, updated_at)
         values (gen_random_uuid(), ?, ?, 'CREATED', ?, ?, ?, ?, ?)`,
        [municipality_id, webhookId, body, status, deliveredAt, updatedAt, updatedAt],
      );
    }
    expect(await purgeWebhookDeliveries(systemEm(t.orm), new Date('2026-12-01T10:00:00Z'), 30)).toBe(2);
    const left = await sql<{ body: string }>('select body from webhook_delivery where webhook_id = ? order by body', [webhookId]);
    expect(left.map((r) => r.body)).toEqual(['new delivered', 'old dead', 'old pending']);
  });
});
