import { createApiKey, listApiKeys, revokeApiKey, rotateApiKey } from "@/server/api-keys";
import { API_SCOPES, SCOPE_DESCRIPTIONS } from "@/server/api-keys/scopes";
import { findCustomerByEmail, findCustomerById } from "@/server/customers";
import type { Resolvers } from "../generated/resolvers-types";
import { fromGlobalId, toGlobalId } from "../global-id";
import { mutate } from "../user-errors";

// The key id in an ApiKey global ID; "" otherwise, which the service (after checking who
// asks) answers as not found.
function apiKeyId(id: string): string {
  const decoded = fromGlobalId(id);
  return decoded?.type === "ApiKey" ? decoded.id : "";
}

export const apiKeyResolvers: Resolvers = {
  ApiKey: {
    id: (key) => toGlobalId("ApiKey", key.id),
  },
  Partner: {
    id: (key) => toGlobalId("ApiKey", key.id),
    scopes: (key) => [...key.scopes],
  },
  Viewer: {
    partner: (_parent, _args, { viewer }) => (viewer.kind === "partner" ? viewer.apiKey : null),
  },
  Query: {
    apiScopes: () => API_SCOPES.map((key) => ({ key, description: SCOPE_DESCRIPTIONS[key] })),
    apiKeys: (_parent, _args, { viewer }) => listApiKeys({ viewer }),
    customer: async (_parent, { id }, { viewer }) => {
      const decoded = fromGlobalId(id);
      if (decoded?.type !== "Customer") return null;
      return findCustomerById({ viewer, id: decoded.id });
    },
    customerByEmail: (_parent, { email }, { viewer }) => findCustomerByEmail({ viewer, email }),
  },
  Mutation: {
    apiKeyCreate: (_parent, { input }, { viewer }) =>
      mutate({ apiKey: null, secret: null }, () => createApiKey({ viewer, input })),
    apiKeyRotate: (_parent, { id, input }, { viewer }) =>
      mutate({ apiKey: null, secret: null }, () => rotateApiKey({ viewer, id: apiKeyId(id), input: input ?? {} })),
    apiKeyRevoke: (_parent, { id }, { viewer }) =>
      mutate({ apiKey: null }, async () => ({ apiKey: await revokeApiKey({ viewer, id: apiKeyId(id) }) })),
  },
};
