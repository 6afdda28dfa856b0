import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import type { Role, Scope, TokenKind } from '../modules/auth/roles.js';
import type { AppPubSub } from './pubsub.js';
import type { LiveItems } from '../modules/live/live-items.js';
import type { LiveFigures } from '../modules/live/live-figures.js';
import type { ItemCounts } from '../modules/items/item-counts.js';
import type { TextUnderstanding } from '../modules/text/proposal.js';

export type UserViewer = {
  kind: 'user';
  userId: string;
  sessionId: string;
  username: string;
  roles: Role[];
  /** null for a regional reader, who sees every municipality */
  municipalityId: string | null;
  departmentId: string | null;
  /** Sectors the person leads (SECTOR_LEAD) */
  sectorIds: string[];
  /** When the session ends by itself */
  expiresAt: Date;
};

export type TokenViewer = {
  kind: 'token';
  tokenId: string;
  tokenKind: TokenKind;
  scopes: Scope[];
  /** The sources it may send and update (null: any; modules/items/item-access.ts, `sendsSource`) */
  sources: string[] | null;
  municipalityId: string;
  name: string;
  /** When the token ends by itself (null: never) */
  expiresAt: Date | null;
};

export type Viewer = UserViewer | TokenViewer;

/** What travels with every request into every service call: the transaction, the viewer and the clock. */
export interface Ctx {
  em: EntityManager;
  viewer: Viewer | null;
  now: () => Date;
  config: Config;
  pubsub: AppPubSub;
  /** The lists' counts this instance remembers (modules/items/item-counts.ts); absent: every count is counted. */
  counts?: ItemCounts;
  /** The text models and gazetteers (modules/text): absent, new items are not read by the machine. */
  text?: TextUnderstanding;
  /** The live layer of this instance (modules/live): on WebSocket connections. */
  live?: { items: LiveItems; figures: LiveFigures };
  /** The WebSocket of a subscription, to close it (a slow consumer). */
  ws?: { close: (code: number, reason: string) => void };
  /** For cookie sessions over HTTP; absent over WebSocket. */
  http?: {
    setSessionCookie: (token: string, expiresAt: Date) => void;
    clearSessionCookie: () => void;
    userAgent?: string;
    ip?: string;
  };
}
