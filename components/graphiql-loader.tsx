"use client";
import dynamic from "next/dynamic";

// Client-only: GraphiQL's editor (Monaco) needs the browser and web workers.
const GraphiQLExplorer = dynamic(() => import("./graphiql-explorer"), {
  ssr: false,
  loading: () => (
    <p className="p-4" role="status">
      Loading GraphiQL…
    </p>
  ),
});

export function GraphiQLLoader(props: { endpoint: string; schemaUrl: string }) {
  return <GraphiQLExplorer {...props} />;
}
