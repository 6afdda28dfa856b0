import { render, settle, type Rendered } from '../../../test/render';
import { WallEnvKey } from '../env';
import WallPage from '../pages/WallPage.vue';
import type { WallServer } from './wall-server';

/** The token the wall tests open the wall with. */
export const TOKEN = 'wall-token-0123456789';

/**
 * Opens the wall page as the TV does, at `/wall#token=…` (or at the address given), against the fake server, and
 * lets it connect.
 */
export async function renderWall(server: WallServer, address = `/wall#token=${TOKEN}`): Promise<Rendered> {
  window.history.replaceState(null, '', address);
  const rendered = await render(WallPage, { provide: { [WallEnvKey as symbol]: server.env() } });
  await settle();
  return rendered;
}
