"use client";
// GraphiQL from the npm package (no CDN), loaded only on /developers/graphiql through
// graphiql-loader.tsx, so its few MB (Monaco) stay out of every other page's bundle.
import "graphiql/setup-workers/webpack";
import "graphiql/style.css";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { buildSchema, type GraphQLSchema } from "graphql";
import { useEffect, useMemo, useRef, useState } from "react";

const DEFAULT_QUERY = `# Paste a partner API key above (pc_live_… or pc_test_…): requests then go out with
# Authorization: Bearer <key>. Without one they use this browser's session, if any.
# The response's extensions.cost shows what a query costs and, for a key, its budget.
{
  viewer {
    isSignedIn
    shop {
      handle
      name
    }
  }
}
`;

type Props = { endpoint: string; schemaUrl: string };

export default function GraphiQLExplorer({ endpoint, schemaUrl }: Props) {
  const [apiKey, setApiKey] = useState("");
  const key = useRef("");
  key.current = apiKey.trim();
  const [schema, setSchema] = useState<GraphQLSchema | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // The published SDL, not introspection: introspection is off in production.
  useEffect(() => {
    let isCurrent = true;
    fetch(schemaUrl)
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`HTTP ${response.status}`))))
      .then((sdl) => isCurrent && setSchema(buildSchema(sdl)))
      .catch((error: unknown) => isCurrent && setProblem(`The schema could not be loaded (${String(error)}).`));
    return () => {
      isCurrent = false;
    };
  }, [schemaUrl]);

  const fetcher = useMemo(
    () =>
      createGraphiQLFetcher({
        url: endpoint,
        // The key lives in this page's memory only; a header set in the headers editor wins.
        fetch: (input, init) => {
          const headers = new Headers(init?.headers);
          if (key.current && !headers.has("authorization")) headers.set("authorization", `Bearer ${key.current}`);
          return fetch(input, { ...init, headers });
        },
      }),
    [endpoint],
  );

  return (
    <div className="flex h-screen flex-col">
      <div className="flex flex-wrap items-center gap-3 border-b border-gray-200 px-4 py-2 text-sm">
        <h1 className="font-semibold">Privacy centre API</h1>
        <label className="flex items-center gap-2">
          API key
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder="pc_test_…"
            value={apiKey}
            onChange={(event) => setApiKey(event.target.value)}
            className="w-80 rounded border border-gray-300 px-2 py-1 font-mono"
            data-testid="api-key"
          />
        </label>
        <a href={schemaUrl} className="underline">
          Schema (SDL)
        </a>
      </div>
      <div className="min-h-0 flex-1">
        {schema ? (
          <GraphiQL fetcher={fetcher} schema={schema} defaultQuery={DEFAULT_QUERY} />
        ) : (
          <p className="p-4" role="status">
            {problem ?? "Loading the schema…"}
          </p>
        )}
      </div>
    </div>
  );
}
