#!/usr/bin/env bash
# Every test of the project, in the order that fails fastest: `pnpm test`.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# Each vitest run's output is kept, to add up the counts in one closing line.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
vitest_run() { pnpm --filter "$1" test 2>&1 | tee -a "$log"; }

step "schema: emitted from the code, must match schema/schema.graphql"
pnpm --silent schema >/dev/null
git diff --exit-code -- schema/schema.graphql || { echo "schema/schema.graphql is out of date: run 'pnpm schema' and commit it"; exit 1; }

step "codegen: generated web types must match the schema and the documents"
pnpm --silent codegen >/dev/null
if [ -n "$(git status --porcelain -- web/src/gql)" ]; then
  git status --porcelain -- web/src/gql
  echo "web/src/gql is out of date: run 'pnpm codegen' and commit it"; exit 1
fi

step "type checks"
pnpm -r typecheck

step "server tests (real PostgreSQL, HTTP and WebSocket)"
vitest_run @otklik/server

step "web component tests"
vitest_run @otklik/web

step "build"
pnpm --filter @otklik/server build
pnpm --filter @otklik/web build

step "end-to-end tests in Chromium"
vitest_run @otklik/e2e

passed=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^\s+Tests\s' | grep -oE '[0-9]+ passed' | awk '{s+=$1} END {print s+0}')
failed=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^\s+Tests\s' | grep -oE '[0-9]+ failed' | awk '{s+=$1} END {print s+0}')
echo
echo "Tests: ${passed} passed, ${failed} failed"
