#!/usr/bin/env bash
# Starts the privacy centre on the embedded database with the demo shops and customers:
# migrate, seed (once), build, start. `npm ci && npm run demo` on a fresh clone.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export PRIVACY_CENTRE_DEMO=1
# The demo webhook receiver (/api/dev/webhooks/<name>, shown at /dev/webhooks) is this
# app on loopback over http: let endpoints point at it.
export WEBHOOK_ALLOW_PRIVATE="${WEBHOOK_ALLOW_PRIVATE:-1}"
PORT="${PORT:-3000}"
export NEXTAUTH_URL="${NEXTAUTH_URL:-http://localhost:${PORT}}"

if [ -n "${DATABASE_URL:-}" ]; then
  echo "Using PostgreSQL from DATABASE_URL."
else
  echo "Using the embedded database in ${PGLITE_DIR:-.data/pglite}."
fi
npm run --silent db:migrate
npm run --silent db:seed
if [ ! -f .next/BUILD_ID ] || [ -n "$(find app components graphql server shops -newer .next/BUILD_ID -type f 2>/dev/null | head -n 1)" ]; then
  npm run --silent build
fi
cat <<MSG

  Privacy centre:   ${NEXTAUTH_URL}
  Demo sign-in:     demo@almaz.example (or demo@crystalline.example, demo@micro-image.example,
                    demo@allegra.example) with the password privacy-demo
  Support console:  ${NEXTAUTH_URL}/almaz/support as agent@almaz.example (support) or
                    dpo@almaz.example (privacy officer), same password
  Demo mail:        ${NEXTAUTH_URL}/dev/mailbox
  Demo webhooks:    ${NEXTAUTH_URL}/dev/webhooks (point an endpoint at
                    ${NEXTAUTH_URL}/api/dev/webhooks/demo)

MSG
exec npx next start -p "${PORT}"
