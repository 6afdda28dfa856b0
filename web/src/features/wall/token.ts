/** Where the wall keeps its token on this device (the screen of the МЦУ room opens it once, then runs for days). */
export const WALL_TOKEN_KEY = 'otklik.wallToken';

/** The parameter of the address's fragment that carries the token: `/wall#token=…`. */
const HASH_PARAM = 'token';

type Place = Pick<Location, 'hash' | 'pathname' | 'search'>;
type Storage_ = Pick<Storage, 'getItem' | 'setItem'>;
type History_ = Pick<History, 'replaceState' | 'state'>;

function tokenInHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get(HASH_PARAM)?.trim();
  return token ? token : null;
}

/**
 * The wall's token. A token in the fragment (`#token=…`, never sent to any server, unlike a query string) is kept in
 * localStorage and removed from the address bar at once, so it is not left on the screen or in the history; without
 * one the kept token is used. Null when there is neither.
 */
export function takeWallToken(
  place: Place = window.location,
  history: History_ = window.history,
  storage: Storage_ | undefined = globalThis.localStorage,
): string | null {
  const fresh = tokenInHash(place.hash);
  if (fresh) {
    try {
      storage?.setItem(WALL_TOKEN_KEY, fresh);
    } catch {
      // Storage disabled: the token lasts for this page only.
    }
    // Keep the router's state: only the address changes.
    history.replaceState(history.state, '', `${place.pathname}${place.search}`);
    return fresh;
  }
  try {
    return storage?.getItem(WALL_TOKEN_KEY) || null;
  } catch {
    return null;
  }
}
