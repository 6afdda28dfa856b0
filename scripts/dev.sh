#!/usr/bin/env bash
# Development: the server with live TypeScript (no build) and Vite with hot reload, proxied to the server.
set -euo pipefail
cd "$(dirname "$0")/.."
pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait; }
trap cleanup EXIT INT TERM
(cd server && exec node --import @swc-node/register/esm-register src/main.ts) &
pids+=($!)
(cd web && exec ./node_modules/.bin/vite --port 5173) &
pids+=($!)
echo "dashboard with hot reload: http://127.0.0.1:5173/  (API on :4000)"
wait
