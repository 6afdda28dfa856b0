import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Classification as ClassifierAnswer } from './classifier.js';
import { MachineApplied, type MachineProposalData, type PlaceData } from './proposal.js';

/** The GraphQL types of issue 13's text understanding (names fixed: integrators use them). */

export enum UrgentReason {
  GAS_SMELL = 'GAS_SMELL',
  FALLEN_WIRE = 'FALLEN_WIRE',
  FIRE = 'FIRE',
  OPEN_MANHOLE = 'OPEN_MANHOLE',
  NO_WATER = 'NO_WATER',
  NO_HEATING = 'NO_HEATING',
  NO_POWER = 'NO_POWER',
  NO_GAS = 'NO_GAS',
  FLOODING = 'FLOODING',
  COLLAPSE = 'COLLAPSE',
  CHILD_DANGER = 'CHILD_DANGER',
  MODEL = 'MODEL',
}
registerEnumType(UrgentReason, {
  name: 'UrgentReason',
  description: 'Why a text is urgent: a danger or the loss of a vital service',
  valuesConfig: { MODEL: { description: 'The model found the text urgent; no pattern names why' } },
});

registerEnumType(MachineApplied, { name: 'MachineApplied', description: 'What the machine set on a new item' });

@ObjectType({ description: 'A settlement (поселение) the place is in' })
export class PlaceSettlement {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;
}

@ObjectType({ description: 'A locality (населённый пункт: хутор, станица, город…)' })
export class PlaceLocality {
  @Field()
  name!: string;

  @Field()
  kind!: string;
}

@ObjectType({ description: 'The place a text names, found in the district gazetteer' })
export class Place {
  @Field(() => PlaceSettlement, { nullable: true })
  settlement!: PlaceSettlement | null;

  @Field(() => PlaceLocality, { nullable: true })
  locality!: PlaceLocality | null;

  @Field(() => String, { nullable: true, description: 'The street as the gazetteer writes it ("ул. Ленина")' })
  street!: string | null;

  @Field(() => String, { nullable: true })
  house!: string | null;

  @Field(() => Float, { description: '0–1' })
  confidence!: number;
}

@ObjectType()
export class ClassificationAlternative {
  @Field()
  categoryCode!: string;

  @Field()
  sectorCode!: string;

  @Field(() => Float)
  confidence!: number;
}

@ObjectType({ description: 'What the machine reads in a text: category, urgency and place (docs/text.md)' })
export class Classification {
  @Field({ description: 'The sector (отраслевой блок) code of the rubricator' })
  sectorCode!: string;

  @Field(() => Float, { description: 'The probability of the sector (the sum over its categories)' })
  sectorConfidence!: number;

  @Field({ description: 'The category code of the rubricator' })
  categoryCode!: string;

  @Field(() => Float, { description: 'Calibrated probability that the category is right (0–1)' })
  confidence!: number;

  @Field(() => [ClassificationAlternative], { description: 'The next categories, most probable first' })
  alternatives!: ClassificationAlternative[];

  @Field()
  urgent!: boolean;

  @Field(() => Float, { description: 'The urgency decision’s probability (0–1), before its recall-tuned threshold' })
  urgentScore!: number;

  @Field(() => [UrgentReason])
  urgentReasons!: UrgentReason[];

  @Field(() => Place, { nullable: true, description: 'null: the text names no place the gazetteer knows' })
  place!: Place | null;

  @Field({ description: 'The model that answered' })
  modelVersion!: string;
}

@ObjectType({ description: 'The machine’s first pass over a new item, and what it set' })
export class MachineProposal {
  @Field(() => Date)
  at!: Date;

  @Field(() => String, { nullable: true, description: 'null: no model was ready; only the place was looked for' })
  modelVersion!: string | null;

  @Field(() => String, { nullable: true })
  sectorCode!: string | null;

  @Field(() => String, { nullable: true })
  categoryCode!: string | null;

  @Field(() => Float, { nullable: true })
  confidence!: number | null;

  @Field(() => [ClassificationAlternative])
  alternatives!: ClassificationAlternative[];

  @Field({ description: 'The machine found the text urgent (applied to the item when it named a reason or was sure enough)' })
  urgent!: boolean;

  @Field(() => Float, { nullable: true, description: 'The urgency decision’s probability (0–1)' })
  urgentScore!: number | null;

  @Field(() => [UrgentReason])
  urgentReasons!: UrgentReason[];

  @Field(() => Place, { nullable: true })
  place!: Place | null;

  @Field(() => [MachineApplied], { description: 'What of it the item took (the rest was given, or not sure enough)' })
  applied!: MachineApplied[];
}

@ObjectType({ description: 'The text model that answers for the municipality' })
export class TextModelInfo {
  @Field()
  version!: string;

  @Field({ description: 'The base model (the corpus and the lexicon) it extends, or its own version' })
  baseVersion!: string;

  @Field(() => Date, { description: 'When it was trained (a base model read from a cache: when the cache was written)' })
  trainedAt!: Date;

  @Field(() => Int, {
    description: "The training examples it learnt from: the corpus's texts, the lexicon's terms, and each staff example as many times as it weighs (TEXT_STAFF_EXAMPLE_WEIGHT)",
  })
  examples!: number;

  @Field(() => Int, { description: 'Staff examples (classifications by people) it learnt from' })
  staffExamples!: number;

  @Field(() => Int, { description: 'Staff examples recorded since it was trained (a retraining would add them)' })
  newStaffExamples!: number;

  @Field(() => Int, { nullable: true, description: 'How long its training took (null: read from a cache of an earlier training, not timed on this server)' })
  trainingMs!: number | null;

  @Field({ description: 'Trained with the municipality’s own examples (false: the base model)' })
  municipal!: boolean;

  @Field({ description: 'A retraining is under way' })
  retraining!: boolean;
}

export function placeOf(p: PlaceData | null): Place | null {
  if (!p) return null;
  return {
    settlement: p.settlementId ? { id: p.settlementId, name: p.settlementName ?? '' } : null,
    locality: p.locality,
    street: p.street,
    house: p.house,
    confidence: p.confidence,
  };
}

export function classificationOf(c: ClassifierAnswer, place: PlaceData | null): Classification {
  return {
    sectorCode: c.sectorCode,
    sectorConfidence: c.sectorConfidence,
    categoryCode: c.categoryCode,
    confidence: c.confidence,
    alternatives: c.alternatives,
    urgent: c.urgent,
    urgentScore: c.urgentScore,
    urgentReasons: c.urgentReasons as UrgentReason[],
    place: placeOf(place),
    modelVersion: c.modelVersion,
  };
}

export function machineProposalOf(d: MachineProposalData): MachineProposal {
  return { ...d, at: new Date(d.at), urgentScore: d.urgentScore ?? null, urgentReasons: d.urgentReasons as UrgentReason[], place: placeOf(d.place) };
}
