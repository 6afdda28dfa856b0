import type { Orm } from '../../db/orm.js';
import { systemEm } from '../../db/orm.js';
import { Item } from '../items/item.entity.js';

const KEEP = 256;

/**
 * The item behind a live event, loaded once per event in this instance however many subscribers receive it
 * (with the relations a feed shows), then projected for each subscriber by the usual field resolvers: the access
 * policy and the masking run per subscriber, the query does not.
 */
export class LiveItems {
  private readonly cache = new Map<string, Promise<Item | null>>();

  constructor(private readonly orm: Orm) {}

  get(itemId: string, cursor: string): Promise<Item | null> {
    const key = `${itemId}@${cursor}`;
    let loading = this.cache.get(key);
    if (!loading) {
      loading = systemEm(this.orm).findOne(Item, itemId, { populate: ['category', 'sector', 'department', 'settlement', 'executor'] });
      loading.catch(() => this.cache.delete(key));
      this.cache.set(key, loading);
      if (this.cache.size > KEEP) this.cache.delete(this.cache.keys().next().value!);
    }
    return loading;
  }
}
