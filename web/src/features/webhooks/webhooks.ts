import type { ItemEventType, WebhookDeliveryStatus } from '../../gql/graphql';

/** The item events a webhook may ask for, in the order an item lives them (docs/integrators.md, "Webhooks"). */
export const EVENT_TYPES = [
  'CREATED',
  'REGISTERED',
  'ASSIGNED',
  'STATUS_CHANGED',
  'DEADLINE_STATE_CHANGED',
  'ANSWERED',
  'RATED',
  'MERGED',
  'REOPENED',
  'UPDATED',
] as const satisfies readonly ItemEventType[];

// Every value of the schema's enum is offered: a new event type fails to compile here until it is listed.
type Unlisted = Exclude<ItemEventType, (typeof EVENT_TYPES)[number]>;
const everyEventListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyEventListed;

export const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'DEAD', 'CANCELLED'] as const satisfies readonly WebhookDeliveryStatus[];
type UnlistedStatus = Exclude<WebhookDeliveryStatus, (typeof DELIVERY_STATUSES)[number]>;
const everyStatusListed: [UnlistedStatus] extends [never] ? true : UnlistedStatus = true;
void everyStatusListed;

export const STATUS_TONE: Record<WebhookDeliveryStatus, 'info' | 'success' | 'danger' | 'neutral'> = {
  PENDING: 'info',
  DELIVERED: 'success',
  DEAD: 'danger',
  CANCELLED: 'neutral',
};

/** The server's rule for a secret (webhook.types.ts): 16 to 256 printable ASCII characters, no spaces. */
export const SECRET_MIN = 16;
export const SECRET_MAX = 256;
const PRINTABLE = /^[\x21-\x7e]+$/;

export type SecretProblem = 'secretTooShort' | 'secretTooLong' | 'secretUnprintable';

export function secretProblem(secret: string): SecretProblem | null {
  if (secret.length < SECRET_MIN) return 'secretTooShort';
  if (secret.length > SECRET_MAX) return 'secretTooLong';
  if (!PRINTABLE.test(secret)) return 'secretUnprintable';
  return null;
}

/** 32 random bytes from the browser's CSPRNG, as 64 hex digits (what `openssl rand -hex 32` gives). */
export function generateSecret(random: { getRandomValues(array: Uint8Array): Uint8Array } = globalThis.crypto): string {
  const bytes = random.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The item's number as the delivery's body carries it (`item.number`), or null for a ping or a body without one. */
export function itemNumberOf(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body);
    const item = parsed && typeof parsed === 'object' ? (parsed as { item?: unknown }).item : undefined;
    const number = item && typeof item === 'object' ? (item as { number?: unknown }).number : undefined;
    return typeof number === 'string' && number ? number : null;
  } catch {
    return null;
  }
}

/** The server names a webhook's owner `token:<name>` or by the person's username. */
export function parseOwner(owner: string): { kind: 'token' | 'user'; name: string } {
  return owner.startsWith('token:') ? { kind: 'token', name: owner.slice('token:'.length) } : { kind: 'user', name: owner };
}
