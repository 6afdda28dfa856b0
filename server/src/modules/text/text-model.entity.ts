import { Entity, Index, ManyToOne, type Opt, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Municipality } from '../organisation/municipality.entity.js';
import { TenantEntity } from '../organisation/tenant.entity.js';
import { User } from '../users/user.entity.js';

/**
 * A trained text model (classifier.ts), stored so that a server never trains at start-up what it trained before.
 * The base model (no municipality) is trained on the repository's corpus alone; a municipality's model on the corpus
 * and its staff's labelled examples (`TextExample`), and only that municipality uses it: the examples are its
 * citizens' texts. Not a tenant entity: the base model belongs to nobody. `data` is the model's JSON, gzipped.
 */
@Entity({ tableName: 'text_model' })
@Unique({ properties: ['municipality', 'version'] })
@Index({ properties: ['municipality', 'active'] })
export class TextModelRecord {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Municipality, { ref: true, nullable: true, deleteRule: 'cascade' })
  municipality?: Ref<Municipality> | null;

  @Property({ type: 'text' })
  version!: string;

  /** The version of the base model whose calibration a retrained model carries (its own for the base). */
  @Property({ type: 'text' })
  baseVersion!: string;

  /** The one model of its municipality (or the base) that answers. */
  @Property({ type: 'boolean', default: false })
  active: boolean & Opt = false;

  @Property({ type: 'timestamptz' })
  trainedAt!: Date;

  /** Who asked for the retraining; null for the base model and for the scheduled retraining. */
  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  trainedBy?: Ref<User> | null;

  @Property({ type: 'integer' })
  examples!: number;

  /** How many of the examples were the municipality's own (staff classifications). */
  @Property({ type: 'integer', default: 0 })
  staffExamples: number & Opt = 0;

  /** How long the training took; null when the model was read from a cache of an earlier training (not timed here). */
  @Property({ type: 'integer', nullable: true })
  trainingMs?: number | null;

  @Property({ type: 'blob', lazy: true })
  data!: Buffer;
}

/**
 * A labelled example from the municipality's staff: every classification of an item by a person (`classifyItem`),
 * with who and when, what the machine had answered and whether the person changed it. Retraining
 * (`retrainTextModel`) learns from them; they are the first figures of the model on real traffic.
 */
@Entity({ tableName: 'text_example' })
@Index({ properties: ['municipality', 'createdAt'] })
export class TextExample extends TenantEntity {
  @Property({ type: 'uuid', nullable: true, index: true })
  itemId?: string | null;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'text' })
  sectorCode!: string;

  @Property({ type: 'text' })
  categoryCode!: string;

  @Property({ type: 'boolean' })
  urgent!: boolean;

  /** What the machine had answered (null: it had not classified the item). */
  @Property({ type: 'text', nullable: true })
  machineCategoryCode?: string | null;

  @Property({ type: 'boolean', nullable: true })
  machineUrgent?: boolean | null;

  /** The person changed the category or the urgency the item had (a correction), rather than confirming it. */
  @Property({ type: 'boolean' })
  corrected!: boolean;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  labelledBy?: Ref<User> | null;

  /** The model version that had answered for the item, when it had. */
  @Property({ type: 'text', nullable: true })
  modelVersion?: string | null;
}
