#!/usr/bin/env bash
# `pnpm start`: build what changed since the last build (scripts/start.mjs), then become the server. `exec` makes
# the server this very process, so that Ctrl+C and SIGTERM reach it directly and its exit code is the command's:
# 0 after a clean stop (docs/operations.md, "Stopping"), and pnpm has nothing to complain about. The package script
# is `exec bash scripts/start.sh` for the same reason: pnpm runs it with sh, and a dash left waiting in between would
# end by the terminal's SIGINT itself, which pnpm reports as "ELIFECYCLE Command failed" whatever the server's code.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/start.mjs
# A person at a terminal needs the banner (the address, the accounts, where the data are), not every log line;
# LOG_LEVEL set in the environment wins.
export LOG_LEVEL="${LOG_LEVEL:-warn}"
exec node server/dist/main.js
