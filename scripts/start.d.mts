// Types of scripts/start.mjs, for its test (e2e/test/start.e2e.ts).

export type Target = {
  name: string;
  /** Files or folders relative to the repository root; folders recursively, without node_modules and dist. */
  inputs: string[];
  /** Input paths (relative, with `/`) that do not count. */
  ignore?: RegExp;
  outDir: string;
  /** The file a build must have produced. */
  product: string;
  /** Commands run one after the other from the root: [command, ...args]. */
  build: string[][];
};

export type Status = { upToDate: boolean; reason: 'stamp' | 'built-after' | 'no-build' | 'changed'; hash: string };

export const STAMP: string;
export const targets: Target[];
export function inputFiles(root: string, target: Target): string[];
export function hashInputs(root: string, target: Target): { hash: string; newestMs: number };
export function writeStamp(root: string, target: Target, hash: string): void;
export function targetStatus(root: string, target: Target): Status;
export function buildOutOfDate(
  root: string,
  options?: { force?: boolean; parts?: Target[]; log?: (line: string) => void },
): Promise<string[]>;
