import { type ContextOptions, createContext } from "@/graphql/context";
import { getApolloServer } from "@/graphql/server";
import { ANONYMOUS, type Viewer } from "@/server/auth/viewer";

export type GqlResult = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
};

// Runs an operation through the real Apollo server (limits, masking and all) as the
// given viewer (and, optionally, with the request's Global Privacy Control signal).
export async function gql(
  query: string,
  variables: Record<string, unknown> = {},
  viewer: Viewer = ANONYMOUS,
  options: ContextOptions = {},
) {
  const response = await getApolloServer().executeOperation(
    { query, variables },
    { contextValue: createContext(viewer, options) },
  );
  if (response.body.kind !== "single") throw new Error("unexpected incremental response");
  return response.body.singleResult as GqlResult;
}
