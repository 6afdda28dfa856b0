import type { ImportField } from '../../gql/graphql';

/** Every field a column may fill in, in the order the page lists them. */
export const IMPORT_FIELDS: readonly ImportField[] = [
  'EXTERNAL_ID', 'RECEIVED_AT', 'KIND', 'CHANNEL', 'SUBJECT', 'TEXT', 'CATEGORY', 'SETTLEMENT', 'ADDRESS',
  'LAT', 'LON', 'URGENT', 'IDENTIFIED', 'APPLICANT_NAME', 'APPLICANT_EMAIL', 'APPLICANT_PHONE', 'APPLICANT_ADDRESS',
];

/** Fields every import must map (the server refuses a mapping without them). */
export const REQUIRED: readonly ImportField[] = ['EXTERNAL_ID', 'RECEIVED_AT', 'TEXT'];

export type Column = { column: string; field: ImportField };

/**
 * The field chosen for each header of the file ('' for none), from a mapping (suggested by the server or saved):
 * a mapped column the file does not have is left out.
 */
export function choicesFor(headers: readonly string[], mapping: readonly Column[]): string[] {
  const by = new Map(mapping.map((c) => [c.column.trim(), c.field]));
  return headers.map((h) => by.get(h.trim()) ?? '');
}

/** The mapping the choices make: one column per chosen field (the first header that chose it). */
export function columnsOf(headers: readonly string[], choices: readonly string[]): Column[] {
  const seen = new Set<string>();
  const out: Column[] = [];
  headers.forEach((h, i) => {
    const field = choices[i];
    if (!field || seen.has(field)) return;
    seen.add(field);
    out.push({ column: h.trim(), field: field as ImportField });
  });
  return out;
}

/** Required fields that no column fills in yet. */
export function missingRequired(choices: readonly string[]): ImportField[] {
  return REQUIRED.filter((f) => !choices.includes(f));
}

/** Fields chosen for more than one column. */
export function chosenTwice(choices: readonly string[]): string[] {
  return [...new Set(choices.filter((c, i) => c && choices.indexOf(c) !== i))];
}

/** A progress bar's share, 0 to 1 (0 while the rows are being counted). */
export function shareDone(job: { total: number | null; processed: number; status: string }): number {
  if (job.status === 'DONE') return 1;
  if (!job.total) return 0;
  return Math.min(1, job.processed / job.total);
}
