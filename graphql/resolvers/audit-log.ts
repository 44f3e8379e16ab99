import { listAuditEvents, listShopAgents } from "@/server/audit/log";
import type { Resolvers } from "../generated/resolvers-types";
import { fromGlobalId, toGlobalId } from "../global-id";
import { connection } from "./connection";

// A global ID of the expected type, as the raw id; a wrong type or a malformed ID
// becomes an id that matches nothing (the filter then finds no rows).
const rawId = (type: string, id: string | null | undefined) => {
  if (!id) return null;
  const decoded = fromGlobalId(id);
  return decoded?.type === type ? decoded.id : "-";
};

export const auditLogResolvers: Resolvers = {
  AuditEvent: {
    id: (event) => toGlobalId("AuditEvent", event.id),
    agentId: (event) => (event.actorType === "AGENT" && event.actorId ? toGlobalId("Agent", event.actorId) : null),
    customerId: (event) => (event.customerId ? toGlobalId("Customer", event.customerId) : null),
    impersonationId: (event) => (event.impersonationId ? toGlobalId("Impersonation", event.impersonationId) : null),
    details: (event) => JSON.stringify(event.details ?? {}),
  },
  Query: {
    auditLog: async (_parent, args, { viewer }) =>
      connection(
        await listAuditEvents({
          viewer,
          customerId: rawId("Customer", args.customerId),
          customerEmail: args.customerEmail,
          agentId: rawId("Agent", args.agentId),
          action: args.action,
          first: args.first,
          after: args.after,
        }),
      ),
    auditLogAgents: (_parent, _args, { viewer }) => listShopAgents({ viewer }),
  },
};
