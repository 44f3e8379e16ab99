import { typeDefs } from "@/graphql/generated/type-defs";

// The published SDL (graphql/schema.graphql, the same text): partners and GraphiQL
// read the schema here, since introspection is off in production.
export const dynamic = "force-static";

export function GET() {
  return new Response(typeDefs, {
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "public, max-age=300" },
  });
}
