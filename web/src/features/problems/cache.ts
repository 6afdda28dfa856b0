import type { ApolloCache } from '@apollo/client/core';

/**
 * After a change that moves a problem in or out of a list (its status, its counts, a new problem), the cached
 * lists of problems are forgotten: a list on screen asks the server again, one opened later starts afresh. (Named
 * refetches would warn when no list is on screen, as on a problem's card.)
 */
export function forgetProblemLists(cache: ApolloCache<unknown>): void {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'problems' });
  cache.gc();
}
