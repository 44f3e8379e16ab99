#!/usr/bin/env bash
# The whole test suite: generated-code freshness, lint, types, unit and integration
# tests on PGlite, the integration tests again on PostgreSQL, a production build and the
# browser journeys in Debian's Chromium. Installs what it needs (Chromium, PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export CI="${CI:-}"
RESULTS="$(mktemp -d)"
started=$(date +%s)

step() { printf '\n==> %s (%ss)\n' "$1" "$(( $(date +%s) - started ))"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

ensure_chromium() {
  if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then return; fi
  step "Installing Chromium from Debian's packages"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
}

ensure_postgres() {
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then return; fi
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    step "Installing PostgreSQL from Debian's packages"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  step "Starting PostgreSQL"
  as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && return; sleep 1; done
  echo "PostgreSQL did not start." >&2
  exit 1
}

vitest() {
  local name="$1"; shift
  npx vitest run --reporter=default --reporter=json --outputFile="$RESULTS/$name.json" "$@"
}

step "Generated code is fresh"
npm run --silent generate:check

step "Published schema has no undeclared breaking changes"
npx tsx scripts/schema-breaking-check.ts

step "Lint and format"
npx biome ci .

step "Type check"
npx tsc --noEmit

step "Shop profiles"
npx tsx shops/validate.ts

step "Unit and integration tests on PGlite"
DATABASE_URL="" vitest pglite

step "Integration tests on PostgreSQL"
ensure_postgres
DB="privacy_centre_test_$$"
psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $DB" >/dev/null
trap 'psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true' EXIT
DATABASE_URL="postgresql://postgres@127.0.0.1:5432/$DB" vitest postgres --project integration

step "Production build"
npx next build

step "Browser journeys in Chromium"
ensure_chromium
vitest e2e --config vitest.e2e.config.mts

node -e '
const fs = require("fs"), path = require("path");
let passed = 0, failed = 0;
for (const f of fs.readdirSync(process.argv[1])) {
  const r = JSON.parse(fs.readFileSync(path.join(process.argv[1], f), "utf8"));
  passed += r.numPassedTests; failed += r.numFailedTests;
}
console.log(`\nAll suites done in ${Math.round((Date.now() / 1000) - Number(process.argv[2]))}s.`);
console.log(`Tests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
' "$RESULTS" "$started"
