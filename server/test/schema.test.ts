import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  permissionsFilePath,
  printAppSchema,
  printPermissionTable,
  schemaFilePath,
} from '../src/graphql/print-schema.js';

describe('schema/schema.graphql', () => {
  it('is what the code emits (run `pnpm schema` after changing the API)', async () => {
    const committed = await readFile(schemaFilePath, 'utf8');
    expect(committed).toBe(await printAppSchema());
  });
});

describe('schema/permissions.json', () => {
  it('is what the code emits (run `pnpm schema` after changing the permission table)', async () => {
    const committed = await readFile(permissionsFilePath, 'utf8');
    expect(committed).toBe(printPermissionTable());
  });
});
