import "server-only";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { cookies, headers } from "next/headers";
import { createContext, type GraphQLContext, globalPrivacyControlFrom, viewerFromRequest } from "./context";
import { getApolloServer } from "./server";

export class GraphQLOperationError extends Error {
  constructor(readonly errors: readonly { message: string; extensions?: Record<string, unknown> }[]) {
    super(errors.map((e) => e.message).join("; "));
    this.name = "GraphQLOperationError";
  }
}

// Runs a typed GraphQL document in-process with the current request's context: pages
// and server actions are clients of the same API as partners.
export async function execute<TResult, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables?: TVariables,
  context?: GraphQLContext,
): Promise<TResult> {
  // The page's own request: its session cookie and its Global Privacy Control signal.
  const requestHeaders = context ? null : await headers();
  const contextValue =
    context ??
    createContext(await viewerFromRequest(await cookies(), requestHeaders as Headers), {
      globalPrivacyControl: globalPrivacyControlFrom(requestHeaders as Headers),
    });
  const response = await getApolloServer().executeOperation<TResult, TVariables>(
    { query: document, variables },
    { contextValue },
  );
  if (response.body.kind !== "single") throw new Error("Incremental delivery is not used here.");
  const { data, errors } = response.body.singleResult;
  if (errors?.length) throw new GraphQLOperationError(errors);
  if (!data) throw new Error("The operation returned no data.");
  return data;
}
