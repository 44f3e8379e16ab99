#!/usr/bin/env bash
# Regenerates the Prisma client, GraphQL types and the export JSON Schema and fails if the committed files differ.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent generate >/dev/null
paths=(server/db/generated graphql/generated graphql/schema.graphql public/schemas)
if [ -n "$(git status --porcelain -- "${paths[@]}")" ]; then
  echo "Generated code is stale. Run 'npm run generate' and commit the result:" >&2
  git status --porcelain -- "${paths[@]}" >&2
  exit 1
fi
echo "Generated code is up to date."
