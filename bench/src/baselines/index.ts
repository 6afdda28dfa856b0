import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { onCleanup } from '../cleanup.js';
import type { HostReply, HostRequest } from './host.js';

/** A baseline host process (baselines/host.ts) and the one server it runs. */
export type BaselineHost = { url: (path: string) => string; serve: (request: HostRequest) => Promise<void>; stop: () => Promise<void> };

export async function startHost(name: string): Promise<BaselineHost> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./host.ts', import.meta.url)), [], {
    // The same loader as the bench (swc), and production mode for Apollo as for the product.
    execArgv: process.execArgv,
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    env: { ...process.env, NODE_ENV: 'production' },
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const done = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 10_000).unref())]);
    if (!done) child.kill('SIGKILL');
  };
  const undo = onCleanup(`the ${name} baseline`, stop, () => child.kill('SIGKILL'));
  let port = 0;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    serve: (request) =>
      new Promise<void>((resolve, reject) => {
        const onExit = () => reject(new Error(`the ${name} baseline exited`));
        child.once('exit', onExit);
        child.once('message', (reply: HostReply) => {
          child.off('exit', onExit);
          if ('error' in reply) reject(new Error(`the ${name} baseline: ${reply.error}`));
          else {
            port = reply.port;
            resolve();
          }
        });
        child.send(request);
      }),
    stop: async () => {
      undo();
      await stop();
    },
  };
}
