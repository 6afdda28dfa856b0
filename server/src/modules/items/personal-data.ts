/**
 * docs/domain.md §6 (152-ФЗ): the applicant's name, contacts, address and identifiers are shown only to the roles
 * that work the item (who they are is the access policy's answer, item-access.ts); everyone else sees them
 * masked (`Иванов Иван Иванович` → `И***в И.`, no phone or e-mail, address cut to street or settlement).
 */
export type Applicant = { name: string | null; phone: string | null; email: string | null; address: string | null };

/** `Иванов Иван Иванович` → `И***в И.`; a single word keeps its first and last letters. */
export function maskName(name: string | null): string | null {
  if (!name?.trim()) return null;
  const [surname, first] = name.trim().split(/\s+/);
  const chars = [...surname!];
  const masked = chars.length <= 2 ? `${chars[0]}***` : `${chars[0]}***${chars[chars.length - 1]}`;
  return first ? `${masked} ${[...first][0]}.` : masked;
}

const HOUSE = /^(д\.?|дом|кв\.?|квартира|корп\.?|корпус|стр\.?|строение|к\.|\d)/i;

/** Keeps the settlement and the street, drops the house, building and flat. */
export function maskAddress(address: string | null): string | null {
  if (!address?.trim()) return null;
  const parts = address.split(',').map((p) => p.trim()).filter(Boolean);
  const kept: string[] = [];
  for (const p of parts) {
    if (HOUSE.test(p)) break;
    kept.push(p.replace(/\s+(д\.?|дом)\s*\d.*$/i, '').replace(/\s+\d+[а-яa-z]?(\/\d+)?$/i, ''));
  }
  return kept.length ? kept.join(', ') : null;
}

export function maskApplicant(a: Applicant): Applicant {
  return { name: maskName(a.name), phone: null, email: null, address: maskAddress(a.address) };
}
