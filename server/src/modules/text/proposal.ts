import type { TextSettings } from '../../config.js';
import type { Orm } from '../../db/orm.js';
import { withoutTenant } from '../../db/tenant-bypass.js';
import { Settlement, SettlementKind } from '../organisation/settlement.entity.js';
import { buildGazetteer, findPlace, type Gazetteer, type GazetteerInput, type PlaceMatch } from '../places/index.js';
import { classify, type Classification } from './classifier.js';
import { TextModels } from './model-service.js';

/**
 * The first pass of the machine over a text (docs/text.md, "On every new item"): the classifier's answer and the
 * place the gazetteer finds; and `decide`, which says what of it a new item takes: the category and sector at or
 * above the confidence threshold (else the item waits in the "to classify" queue), urgency whenever the machine
 * finds the text urgent (a missed urgent item is worse than a false alarm), an empty settlement and address from a
 * sure enough place. What it decided is kept on the item (`machine`), so the card says what the machine set.
 */

export type PlaceData = {
  settlementId: string | null;
  settlementName: string | null;
  locality: { name: string; kind: string } | null;
  street: string | null;
  house: string | null;
  confidence: number;
};

/** What the machine changed on a new item. */
export enum MachineApplied {
  CATEGORY = 'CATEGORY',
  URGENT = 'URGENT',
  SETTLEMENT = 'SETTLEMENT',
  ADDRESS = 'ADDRESS',
}

/** The machine's pass over an item, as stored on it (`item.machine`). */
export type MachineProposalData = {
  at: string;
  /** null: no model was ready; only the place was looked for. */
  modelVersion: string | null;
  sectorCode: string | null;
  categoryCode: string | null;
  confidence: number | null;
  alternatives: { categoryCode: string; sectorCode: string; confidence: number }[];
  urgent: boolean;
  /** The urgency decision's probability (before its threshold). */
  urgentScore: number | null;
  urgentReasons: string[];
  place: PlaceData | null;
  applied: MachineApplied[];
};

export type Understanding = { classification: Classification | null; place: PlaceData | null };

const GAZETTEER_TTL_MS = 60_000;

/** The models and the gazetteers of one server. */
export class TextUnderstanding {
  private readonly gazetteers = new Map<string, { gazetteer: Gazetteer; at: number }>();

  constructor(
    private readonly orm: Orm,
    readonly models: TextModels,
    readonly settings: TextSettings,
  ) {}

  /** Ends the trainings under way (TextModels.stop): the server is stopping. */
  stop(): void {
    this.models.stop();
  }

  /** Reads a text: its classification (null while no model is ready) and its place in the municipality. */
  async understand(municipalityId: string, text: string, channel?: string | null): Promise<Understanding> {
    const [model, gazetteer] = await Promise.all([this.models.model(municipalityId), this.gazetteer(municipalityId)]);
    return {
      classification: model ? classify(model, text, channel ?? undefined) : null,
      place: placeData(findPlace(gazetteer, text)),
    };
  }

  /** The municipality's gazetteer, from its settlements (their localities and streets), rebuilt a minute after use. */
  async gazetteer(municipalityId: string): Promise<Gazetteer> {
    const cached = this.gazetteers.get(municipalityId);
    if (cached && Date.now() - cached.at < GAZETTEER_TTL_MS) return cached.gazetteer;
    const settlements = await this.orm.em.fork().find(Settlement, { municipality: municipalityId }, { ...withoutTenant('TEXT_GAZETTEER'), orderBy: { name: 'asc' } });
    const gazetteer = buildGazetteer(gazetteerInputOf(settlements));
    this.gazetteers.set(municipalityId, { gazetteer, at: Date.now() });
    return gazetteer;
  }

  /** Forgets a municipality's gazetteer (its settlements changed). */
  forgetGazetteer(municipalityId: string): void {
    this.gazetteers.delete(municipalityId);
  }
}

/**
 * The gazetteer's input from the settlements as stored: each settlement's localities; its streets in its
 * administrative centre for the town (an urban settlement), in the settlement without a locality otherwise; the
 * town is the district centre, which takes a street the text names without a place.
 */
export function gazetteerInputOf(settlements: Settlement[]): GazetteerInput {
  const town = settlements.find((s) => s.kind === SettlementKind.URBAN);
  return {
    settlements: settlements.map((s) => ({ id: s.id, name: s.name, centre: s.centre ?? undefined })),
    localities: settlements.flatMap((s) => s.localities.map((l) => ({ name: l.name, kind: l.kind, settlement: s.id }))),
    streets: settlements.flatMap((s) =>
      s.streets.map((name) => ({ name, settlement: s.id, locality: s.kind === SettlementKind.URBAN ? (s.centre ?? null) : null })),
    ),
    centre: town?.centre ? { settlement: town.id, locality: town.centre } : undefined,
  };
}

function placeData(m: PlaceMatch | null): PlaceData | null {
  if (!m || (!m.settlement && !m.locality && !m.street)) return null;
  return {
    settlementId: m.settlement?.id ?? null,
    settlementName: m.settlement?.name ?? null,
    locality: m.locality,
    street: m.street,
    house: m.house,
    confidence: m.confidence,
  };
}

/** The address a place gives: "х. Лысов, ул. Садовая, 12", as an operator writes one. */
export function addressOf(place: PlaceData): string | null {
  if (!place.street) return null;
  const parts: string[] = [];
  if (place.locality && place.locality.name !== place.settlementName) parts.push(`${localityAbbr(place.locality.kind)} ${place.locality.name}`);
  parts.push(place.street);
  if (place.house) parts.push(place.house);
  return parts.join(', ');
}

function localityAbbr(kind: string): string {
  const k = kind.toLowerCase();
  if (k.startsWith('хутор')) return 'х.';
  if (k.startsWith('станиц')) return 'ст-ца';
  if (k.startsWith('город')) return 'г.';
  if (k.startsWith('пос')) return 'п.';
  if (k.startsWith('село')) return 'с.';
  return k;
}

/** What a new item was given and what the machine may fill in. */
export type ItemGiven = { categoryCode?: string | null; settlementId?: string | null; address?: string | null; urgent: boolean };

export type Decision = {
  /** The category the machine sets (null: it sets none). */
  categoryCode: string | null;
  settlementId: string | null;
  address: string | null;
  /** The machine found the text urgent (the caller raises the item's urgency when its category allows it). */
  urgent: boolean;
  data: MachineProposalData;
};

/** What the machine sets on a new item, given what came with it (see the module's comment). */
export function decide(given: ItemGiven, u: Understanding, settings: TextSettings, at: Date): Decision {
  const c = u.classification;
  const applied: MachineApplied[] = [];
  const categoryCode = !given.categoryCode && c && c.confidence >= settings.categoryConfidence ? c.categoryCode : null;
  if (categoryCode) applied.push(MachineApplied.CATEGORY);
  const surePlace = u.place && u.place.confidence >= settings.placeConfidence ? u.place : null;
  const settlementId = !given.settlementId && surePlace?.settlementId ? surePlace.settlementId : null;
  if (settlementId) applied.push(MachineApplied.SETTLEMENT);
  const address = !given.address?.trim() && surePlace ? addressOf(surePlace) : null;
  if (address) applied.push(MachineApplied.ADDRESS);
  // Urgency named by a reason (a gas smell, no water…) is applied; the model's doubt alone ("MODEL") only above a
  // score, since its threshold is tuned for recall and flags a tenth of ordinary texts: below it, the card shows
  // the machine's "possibly urgent" for a person to decide (docs/decisions.md).
  const named = !!c?.urgentReasons.some((r) => r !== 'MODEL');
  const urgent = !given.urgent && !!c?.urgent && (named || c.urgentScore >= settings.urgentApplyScore);
  return {
    categoryCode,
    settlementId,
    address,
    urgent,
    data: {
      at: at.toISOString(),
      modelVersion: c?.modelVersion ?? null,
      sectorCode: c?.sectorCode ?? null,
      categoryCode: c?.categoryCode ?? null,
      confidence: c?.confidence ?? null,
      alternatives: c?.alternatives ?? [],
      urgent: !!c?.urgent,
      urgentScore: c?.urgentScore ?? null,
      urgentReasons: c?.urgentReasons ?? [],
      place: u.place,
      applied,
    },
  };
}

/** The text the machine reads of an item: its subject and its text. */
export function itemText(input: { subject?: string | null; text: string }): string {
  return input.subject?.trim() ? `${input.subject.trim()}\n${input.text}` : input.text;
}

/**
 * The text services of a server: its models and gazetteers. One per process (main.ts gives the same to the HTTP
 * server and the jobs); `startApp` makes its own when given none (tests). The base model is made ready in the
 * background: the server answers meanwhile.
 */
export function createTextUnderstanding(orm: Orm, settings: TextSettings, now: () => Date): TextUnderstanding {
  const models = new TextModels(orm, {
    cacheDir: settings.modelCacheDir,
    staffExampleWeight: settings.staffExampleWeight,
    modelsInMemory: settings.modelsInMemory,
    now,
  });
  void models.ensureBase().catch(() => undefined);
  return new TextUnderstanding(orm, models, settings);
}
