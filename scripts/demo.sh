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
# The local identity provider stands in for Facebook, X, Microsoft and Google (social
# sign-in) wherever a shop has no real credentials (OAUTH_<SHOP>_<PROVIDER>_CLIENT_ID and
# _CLIENT_SECRET, see README). LOCAL_IDP=0 leaves it off.
IDP_PID=""
if [ "${LOCAL_IDP:-1}" != "0" ]; then
  LOCAL_IDP_PORT="${LOCAL_IDP_PORT:-$((PORT + 1))}"
  export LOCAL_IDP_SECRET="${LOCAL_IDP_SECRET:-$(node -e 'process.stdout.write(require("crypto").randomBytes(24).toString("base64url"))')}"
  export LOCAL_IDP_URL="http://127.0.0.1:${LOCAL_IDP_PORT}"
  LOCAL_IDP_PORT="$LOCAL_IDP_PORT" LOCAL_IDP_REDIRECT_ORIGINS="${NEXTAUTH_URL}" npx tsx scripts/identity-provider.ts &
  IDP_PID=$!
  trap '[ -n "$IDP_PID" ] && kill "$IDP_PID" 2>/dev/null' EXIT INT TERM
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
  Social sign-in:   the Facebook, X, Microsoft and Google buttons (ALMAZ, Micro-Image)
                    open a local test provider${LOCAL_IDP_URL:+ at ${LOCAL_IDP_URL}} with demo identities

MSG
npx next start -p "${PORT}"
