import "server-only";
import { randomUUID } from "node:crypto";
import { ApolloServer, type GraphQLRequestListener } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { startServerAndCreateNextHandler } from "@as-integrations/next";
import { type FragmentDefinitionNode, GraphQLError, type GraphQLFormattedError, Kind } from "graphql";
import type { NextRequest } from "next/server";
import { isAppError } from "@/server/errors";
import { logEvent } from "@/server/log";
import { createContext, type GraphQLContext, globalPrivacyControlFrom, viewerFromRequest } from "./context";
import { typeDefs } from "./generated/type-defs";
import { aliasLimitRule, costLimitRule, depthLimitRule, LIMITS, queryCost } from "./limits";
import { resolvers } from "./resolvers";

// Codes whose message is written for the client and may be shown as is.
const CLIENT_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  // A partner key that does not work (one message for every reason).
  "UNAUTHENTICATED",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);

// The error a resolver threw, below GraphQL's wrapping (duck-typed: graphql may be
// loaded both as CommonJS and as ESM, so instanceof is not reliable here).
function rootCause(error: unknown): unknown {
  let current = error;
  while (current && typeof current === "object" && "originalError" in current && current.originalError) {
    current = current.originalError;
  }
  return current;
}

// Expected errors keep their code and message; everything else is masked, logged
// with an id (and no personal data), and the id is given to the client for support.
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = rootCause(error);
  if (isAppError(original)) {
    return { message: original.message, path: formatted.path, extensions: { code: original.code } };
  }
  const code = String(formatted.extensions?.code ?? "");
  if (CLIENT_CODES.has(code)) {
    return { message: formatted.message, locations: formatted.locations, extensions: { code } };
  }
  const errorId = randomUUID();
  logEvent("error", {
    event: "graphql.error",
    errorId,
    code: code || undefined,
    errorName: original instanceof Error ? original.name : typeof original,
  });
  return {
    message: "Internal server error",
    path: formatted.path,
    extensions: { code: "INTERNAL_SERVER_ERROR", errorId },
  };
}

const costPlugin = {
  async requestDidStart(): Promise<GraphQLRequestListener<GraphQLContext>> {
    let cost = 0;
    return {
      async didResolveOperation({ operation, document, request }) {
        const fragments = new Map(
          document.definitions.flatMap((d) =>
            d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d as FragmentDefinitionNode]] : [],
          ),
        );
        cost = operation ? queryCost(operation, fragments, request.variables ?? {}) : 0;
      },
      async willSendResponse({ response }) {
        if (response.body.kind === "single") {
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            cost: { requested: cost, limit: LIMITS.maxCost },
          };
        }
      },
    };
  },
};

function createServer(): ApolloServer<GraphQLContext> {
  const isProduction = process.env.NODE_ENV === "production";
  return new ApolloServer<GraphQLContext>({
    typeDefs,
    resolvers,
    introspection: !isProduction,
    hideSchemaDetailsFromClientErrors: true,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    validationRules: [depthLimitRule(), aliasLimitRule(), costLimitRule()],
    formatError,
    plugins: [ApolloServerPluginLandingPageDisabled(), costPlugin],
  });
}

type HttpHandler = (req: NextRequest) => Promise<Response>;

// A key that does not work is HTTP 401 with one generic message (RFC 6750), before
// anything runs.
async function viewerOrUnauthorized(req: NextRequest) {
  try {
    return await viewerFromRequest(req.cookies, req.headers, "api");
  } catch (error) {
    if (isAppError(error) && error.code === "UNAUTHENTICATED") {
      throw new GraphQLError(error.message, {
        extensions: {
          code: "UNAUTHENTICATED",
          http: { status: 401, headers: new Map([["www-authenticate", 'Bearer realm="privacy-centre"']]) },
        },
      });
    }
    throw error;
  }
}

const holder = globalThis as unknown as { __apollo?: { server: ApolloServer<GraphQLContext>; http: HttpHandler } };

// One server per process, started once (by the Next integration); both the HTTP route
// and in-process page queries use it, so authorization and limits live in one path.
function instance() {
  if (!holder.__apollo) {
    const server = createServer();
    const http = startServerAndCreateNextHandler<NextRequest, GraphQLContext>(server, {
      context: async (req) =>
        createContext(await viewerOrUnauthorized(req), {
          // A partner's server sends no browser signal on a customer's behalf.
          globalPrivacyControl: req.headers.has("authorization") ? false : globalPrivacyControlFrom(req.headers),
        }),
    });
    holder.__apollo = { server, http };
  }
  return holder.__apollo;
}

export function getApolloServer(): ApolloServer<GraphQLContext> {
  return instance().server;
}

export function getGraphQLHttpHandler(): HttpHandler {
  return instance().http;
}
