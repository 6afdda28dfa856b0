import { inject, type InjectionKey } from 'vue';
import type { WallTransportOptions } from './apollo';

/**
 * Where the wall's client connects and through what (everything but the token). The browser's network on the same
 * origin unless something else is provided: component tests provide a fake server here (testing/wall-server.ts).
 */
export type WallEnv = Omit<WallTransportOptions, 'token'>;

export const WallEnvKey: InjectionKey<WallEnv> = Symbol('wallEnv');

export function useWallEnv(): WallEnv {
  return inject(WallEnvKey, {});
}
