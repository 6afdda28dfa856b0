import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { TenantEntity } from '../organisation/tenant.entity.js';
import { User } from '../users/user.entity.js';
import { Item } from '../items/item.entity.js';

/** A file of an item: metadata here, the bytes in the file store (files/file-store.ts) under `storageKey`. */
@ObjectType()
@Entity()
export class Attachment extends TenantEntity {
  @ManyToOne(() => Item, { ref: true, nullable: true, index: true, deleteRule: 'cascade' })
  item?: Ref<Item>;

  @Field()
  @Property({ type: 'text' })
  fileName!: string;

  @Field()
  @Property({ type: 'text' })
  mimeType!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  size!: number;

  @Field({ description: 'SHA-256 of the content, hex' })
  @Property({ type: 'text' })
  sha256!: string;

  @Property({ type: 'text' })
  storageKey!: string;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  uploadedBy?: Ref<User>;
}
