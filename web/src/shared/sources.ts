/**
 * Where an item came from (`Item.source`) and who made a change no person made (`ItemEvent.actorLabel`): codes the
 * server writes, which a person sees only in words. `dashboard` is the server's own (items entered by hand), the
 * others are the integrations the installation knows (the ПОС, the social-media monitoring); integrators may send
 * any name, which is shown as "another system: <name>", never as if it were a word of the interface.
 */
export const KNOWN_SOURCES = ['dashboard', 'pos', 'monitoring'] as const;
export type KnownSource = (typeof KNOWN_SOURCES)[number];

/** The known source a code names (`POS` and `pos` are one), or null. */
export function knownSource(source: string | null | undefined): KnownSource | null {
  const key = (source ?? '').trim().toLowerCase();
  return (KNOWN_SOURCES as readonly string[]).includes(key) ? (key as KnownSource) : null;
}

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** A source in words: a known one by its name, any other as "another system: <name>". */
export function sourceLabel(t: Translate, source: string | null | undefined): string {
  const known = knownSource(source);
  if (known) return t(`sources.${known}`);
  const name = (source ?? '').trim();
  return name ? t('sources.other', { name }) : t('sources.unknown');
}

/** How the server names an API token that made a change (`token:<name>`) and changes made by the platform itself. */
export const TOKEN_ACTOR_PREFIX = 'token:';
export const PLATFORM_ACTORS = ['scheduler', 'system'] as const;
