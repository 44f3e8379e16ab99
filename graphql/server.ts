import "server-only";
import { randomUUID } from "node:crypto";
import { ApolloServer, type ApolloServerPlugin, type GraphQLRequestListener, HeaderMap } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { startServerAndCreateNextHandler } from "@as-integrations/next";
import { GraphQLError, type GraphQLFormattedError, getOperationAST } from "graphql";
import type { NextRequest } from "next/server";
import {
  bucketKeyForApiKey,
  chargeBucket,
  peekThrottleStatus,
  refundBucket,
  type ThrottleStatus,
  throttleSettings,
} from "@/server/api-keys/throttle";
import { isAppError } from "@/server/errors";
import { logEvent } from "@/server/log";
import { createContext, type GraphQLContext, globalPrivacyControlFrom, viewerFromRequest } from "./context";
import { typeDefs } from "./generated/type-defs";
import {
  aliasLimitRule,
  capErrors,
  costLimitRule,
  depthLimitRule,
  directiveLimitRule,
  fragmentsIn,
  LIMITS,
  pageDefaultsOf,
  queryCost,
  resultCost,
  TOO_MANY_DIRECTIVES,
} from "./limits";
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
  "QUERY_TOO_COSTLY",
  "THROTTLED",
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

function dbErrorCode(error: unknown): string | undefined {
  const code = error && typeof error === "object" && "code" in error ? error.code : undefined;
  return typeof code === "string" && /^P\d{4}$/.test(code) ? code : undefined;
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
    // With Prisma's error code (e.g. P2028, a transaction that timed out): a class of
    // failure, never data.
    errorName: [original instanceof Error ? original.name : typeof original, dbErrorCode(original)]
      .filter(Boolean)
      .join(" "),
  });
  return {
    message: "Internal server error",
    path: formatted.path,
    extensions: { code: "INTERNAL_SERVER_ERROR", errorId },
  };
}

// Shopify's shape: what the operation could cost, what it did cost (counted on the
// result, never more than requested), and for a partner key its bucket after this
// request. A partner's requested cost is taken from the key's bucket before the
// operation runs (refused with 429 and Retry-After when there is not enough) and the
// unused part is given back afterwards.
export type CostExtension = {
  requestedQueryCost: number;
  actualQueryCost: number;
  throttleStatus: ThrottleStatus | null;
};

function limitError(message: string, code: string, status: number, headers?: [string, string][]) {
  return new GraphQLError(message, {
    extensions: { code, http: { status, headers: new HeaderMap(headers ?? []) } },
  });
}

const costPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart(): Promise<GraphQLRequestListener<GraphQLContext>> {
    let requested: number | null = null;
    let bucket: string | null = null;
    let charged = 0;
    let throttleStatus: ThrottleStatus | null = null;
    return {
      async didResolveOperation({ operation, document, request, contextValue, schema }) {
        requested = operation
          ? queryCost(operation, fragmentsIn(document), request.variables ?? {}, pageDefaultsOf(schema))
          : 0;
        // Validation counted variables' page sizes as the maximum; with their values
        // the cost may be higher (first: $n with n in the millions).
        if (requested > LIMITS.maxCost) {
          throw limitError(`Query costs ${requested}; the limit is ${LIMITS.maxCost}.`, "QUERY_TOO_COSTLY", 400);
        }
        const viewer = contextValue.viewer;
        if (viewer.kind !== "partner") return;
        bucket = bucketKeyForApiKey(viewer.apiKey.id);
        const settings = throttleSettings();
        // It would never fit, however long the client waits: not a throttle.
        if (requested > settings.maximumAvailable) {
          throttleStatus = await peekThrottleStatus(bucket, settings);
          throw limitError(
            `Query costs ${requested}; an API key's budget holds at most ${settings.maximumAvailable}.`,
            "QUERY_TOO_COSTLY",
            400,
          );
        }
        const charge = await chargeBucket(bucket, requested, settings);
        throttleStatus = charge.status;
        if (!charge.isAllowed) {
          throw limitError(
            `Throttled: the query costs ${requested} and ${charge.status.currentlyAvailable} points are available; try again in ${charge.retryAfterSeconds} s.`,
            "THROTTLED",
            429,
            [["retry-after", String(charge.retryAfterSeconds)]],
          );
        }
        charged = requested;
      },
      async willSendResponse({ response, document, operation, request, errors: raw, schema }) {
        if (response.body.kind !== "single") return;
        const result = response.body.singleResult;
        const fragments = document ? fragmentsIn(document) : new Map();
        const op = operation ?? (document ? getOperationAST(document, request.operationName) : null);
        const requestedQueryCost =
          requested ?? (op ? queryCost(op, fragments, request.variables ?? {}, pageDefaultsOf(schema)) : 0);
        const actualQueryCost =
          op && result.data ? Math.min(requestedQueryCost, resultCost(op, fragments, result.data)) : 0;
        if (bucket && charged > actualQueryCost) {
          throttleStatus = await refundBucket(bucket, charged - actualQueryCost);
        }
        if (result.errors) result.errors = limitErrors(result.errors, raw ?? []);
        const cost: CostExtension = { requestedQueryCost, actualQueryCost, throttleStatus };
        result.extensions = { ...result.extensions, cost };
      },
    };
  },
};

// Too many directives is said once, instead of an error per unknown directive as
// well; otherwise at most LIMITS.maxErrors errors go out.
function limitErrors(
  formatted: readonly GraphQLFormattedError[],
  raw: readonly unknown[],
): readonly GraphQLFormattedError[] {
  const directives = raw.findIndex((e) => {
    const cause = rootCause(e);
    return cause instanceof Object && "extensions" in cause && codeOf(cause.extensions) === TOO_MANY_DIRECTIVES;
  });
  if (directives >= 0 && formatted[directives]) return [formatted[directives]];
  return capErrors(formatted, LIMITS.maxErrors, (left) => ({
    message: `Too many errors: ${left} more not shown.`,
    extensions: { code: "TOO_MANY_ERRORS" },
  }));
}

function codeOf(extensions: unknown): unknown {
  return extensions && typeof extensions === "object" && "code" in extensions ? extensions.code : undefined;
}

function createServer(): ApolloServer<GraphQLContext> {
  const isProduction = process.env.NODE_ENV === "production";
  return new ApolloServer<GraphQLContext>({
    typeDefs,
    resolvers,
    introspection: !isProduction,
    hideSchemaDetailsFromClientErrors: true,
    includeStacktraceInErrorResponses: false,
    // A browser cannot send Authorization cross-origin without a preflight, so a request
    // that carries it (a partner's server) is no CSRF risk; cookie requests keep
    // Apollo's default rules.
    csrfPrevention: { requestHeaders: ["x-apollo-operation-name", "apollo-require-preflight", "authorization"] },
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    // graphql stops validating after this many errors and adds one saying so: at most
    // LIMITS.maxErrors in all.
    validationOptions: { maxErrors: LIMITS.maxErrors - 1 },
    validationRules: [directiveLimitRule(), depthLimitRule(), aliasLimitRule(), costLimitRule()],
    formatError,
    // No HTTP cache hints are used: without the cache-control plugin no field resolver
    // is wrapped for it (it instruments every field: about a sixth of the execution time
    // of a 25-row page of the request queue, measured in process).
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), costPlugin],
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
          globalPrivacyControl: /^Bearer\s/i.test(req.headers.get("authorization") ?? "")
            ? false
            : globalPrivacyControlFrom(req.headers),
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
