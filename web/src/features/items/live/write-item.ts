import type { ApolloCache, Unmasked } from '@apollo/client/core';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { itemVersionFragment } from '../graphql/item.fragment';

/**
 * Writes the item of a live event into the normalised cache, so every row and card showing it updates in place —
 * unless the cache already holds a newer version of it (an event read before a change whose answer has already
 * arrived): a live event never takes an item back. With `onlyCached`, an item the cache does not hold is not added
 * (a list does not keep every item the municipality changes). Says what it did.
 */
export function writeItemFromEvent<T extends { id: string; version: number }>(
  cache: ApolloCache<unknown>,
  fragment: TypedDocumentNode<T>,
  fragmentName: string,
  item: T,
  options: { onlyCached?: boolean } = {},
): 'written' | 'stale' | 'absent' {
  const id = cache.identify({ __typename: 'Item', id: item.id });
  if (!id) return 'absent';
  const cached = cache.readFragment({ id, fragment: itemVersionFragment });
  if (cached && item.version < cached.version) return 'stale';
  if (!cached && options.onlyCached) return 'absent';
  cache.writeFragment({ id, fragment, fragmentName, data: item as Unmasked<T> });
  return 'written';
}
