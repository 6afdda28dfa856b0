import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The last registration number given per municipality and year (`<municipalityId>:<year>`). */
@Entity()
export class ItemCounter {
  @PrimaryKey({ type: 'text' })
  key!: string;

  @Property({ type: 'integer' })
  value!: number;
}
