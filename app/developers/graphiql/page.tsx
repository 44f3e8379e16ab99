import type { Metadata } from "next";
import { GraphiQLLoader } from "@/components/graphiql-loader";

export const metadata: Metadata = { title: "GraphiQL", robots: { index: false } };

// GraphiQL for partners' developers; `GET /api/graphql` from a browser comes here.
export default function GraphiQLPage() {
  return (
    <main id="main">
      <GraphiQLLoader endpoint="/api/graphql" schemaUrl="/api/graphql/schema.graphql" />
    </main>
  );
}
