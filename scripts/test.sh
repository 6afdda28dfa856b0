#!/usr/bin/env bash
# Every test of the project, in the order that fails fastest: `pnpm test`.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "schema: emitted from the code (schema.graphql, permissions.json), must match schema/"
pnpm --silent schema >/dev/null
if [ -n "$(git status --porcelain -- schema/)" ]; then
  git status --porcelain -- schema/
  git --no-pager diff -- schema/
  echo "schema/ is out of date: run 'pnpm schema' and commit it"; exit 1
fi

step "codegen: generated web types must match the schema and the documents"
pnpm --silent codegen >/dev/null
if [ -n "$(git status --porcelain -- web/src/gql examples/integrator-client/src/gql)" ]; then
  git status --porcelain -- web/src/gql examples/integrator-client/src/gql
  echo "generated documents are out of date: run 'pnpm codegen' and commit them"; exit 1
fi

step "type checks"
pnpm -r typecheck

step "server tests (real PostgreSQL, HTTP and WebSocket)"
pnpm --filter @otklik/server test

step "web component tests"
# In a machine time zone seven hours from the municipality's (Europe/Volgograd): the dashboard shows dates in the
# municipality's zone, never the machine's, so a component that used the machine's zone shows another hour here and
# its test fails.
TZ=Asia/Vladivostok pnpm --filter @otklik/web test

step "build"
pnpm --filter @otklik/server build
pnpm --filter @otklik/web build

step "end-to-end tests in Chromium"
pnpm --filter @otklik/e2e test

