import type { ApolloCache, Reference, StoreObject } from '@apollo/client/core';

type Lists = Record<string, readonly Reference[]>;

/**
 * Adds a newly created object to a cached list field (every argument variant of it), so lists show it without
 * refetching. `owner` is the cache id of the object holding the list (ROOT_QUERY for top-level queries).
 */
export function appendToList(
  cache: ApolloCache<unknown>,
  field: string,
  item: StoreObject & { id: string },
  owner = 'ROOT_QUERY',
): void {
  cache.modify<Lists>({
    id: owner,
    fields: {
      [field]: (existing, { readField, toReference }) => {
        const list = (existing ?? []) as readonly Reference[];
        if (list.some((r) => readField('id', r) === item.id)) return list;
        const ref = toReference(item);
        return ref ? [...list, ref] : list;
      },
    },
  });
}

/** Removes an object from a cached list field. */
export function removeFromList(cache: ApolloCache<unknown>, field: string, id: string, owner: string): void {
  cache.modify<Lists>({
    id: owner,
    fields: {
      [field]: (existing, { readField }) => ((existing ?? []) as readonly Reference[]).filter((r) => readField('id', r) !== id),
    },
  });
}
