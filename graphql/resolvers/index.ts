import type { GraphQLResolveInfo } from "graphql";
import type { Resolvers } from "../generated/resolvers-types";
import { unsafeTextErrors } from "../user-errors";
import { accessLogResolvers } from "./access-log";
import { apiKeyResolvers } from "./api-keys";
import { auditLogResolvers } from "./audit-log";
import { baseResolvers } from "./base";
import { connectedAccountsResolvers } from "./connected-accounts";
import { consentResolvers } from "./consent";
import { correctionsResolvers } from "./corrections";
import { emailChangeResolvers } from "./email-change";
import { erasureResolvers } from "./erasure";
import { exportResolvers } from "./export";
import { invitationsResolvers } from "./invitations";
import { myDataResolvers } from "./my-data";
import { requestsResolvers } from "./requests";
import { shopResolvers } from "./shop";
import { supportResolvers } from "./support";
import { viewerResolvers } from "./viewer";
import { webhooksResolvers } from "./webhooks";

// One resolver map per domain, merged by type (scalars are defined once, in base).
function mergeAll(...maps: Resolvers[]): Resolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      const target = merged[type];
      merged[type] = target
        ? { ...target, ...(fields as Record<string, unknown>) }
        : (fields as Record<string, unknown>);
    }
  }
  return merged as Resolvers;
}

// Mutations whose service screens its own text (and audits the refusal, as a support
// session's start does); every other mutation is screened here.
const SCREENED_BY_SERVICE = new Set(["impersonationStart"]);

type Resolver = (parent: unknown, args: Record<string, unknown>, context: unknown, info: GraphQLResolveInfo) => unknown;

// Every Mutation field: text the database cannot store is refused with a userError on
// its field, the payload's other fields null, before the resolver runs.
function screenMutations(map: Resolvers): Resolvers {
  const mutations = map.Mutation as Record<string, Resolver> | undefined;
  if (!mutations) return map;
  const screened: Record<string, Resolver> = {};
  for (const [name, resolve] of Object.entries(mutations)) {
    screened[name] = SCREENED_BY_SERVICE.has(name)
      ? resolve
      : (parent, args, context, info) => {
          const userErrors = unsafeTextErrors(args);
          if (userErrors.length === 0) return resolve(parent, args, context, info);
          // Duck-typed: graphql may be loaded both as CommonJS and as ESM here, so its
          // type predicates (instanceof) are not reliable.
          let payload: unknown = info.returnType;
          while (payload && typeof payload === "object" && "ofType" in payload) payload = payload.ofType;
          const fields =
            payload && typeof payload === "object" && "getFields" in payload && typeof payload.getFields === "function"
              ? Object.keys(payload.getFields() as object)
              : [];
          return Object.fromEntries([
            ...fields.filter((f) => f !== "userErrors").map((f) => [f, null]),
            ["userErrors", userErrors],
          ]);
        };
  }
  return { ...map, Mutation: screened } as Resolvers;
}

const merge = (...maps: Resolvers[]) => screenMutations(mergeAll(...maps));

export const resolvers = merge(
  baseResolvers,
  viewerResolvers,
  shopResolvers,
  myDataResolvers,
  correctionsResolvers,
  emailChangeResolvers,
  exportResolvers,
  consentResolvers,
  erasureResolvers,
  supportResolvers,
  accessLogResolvers,
  auditLogResolvers,
  apiKeyResolvers,
  webhooksResolvers,
  connectedAccountsResolvers,
  invitationsResolvers,
  requestsResolvers,
);
