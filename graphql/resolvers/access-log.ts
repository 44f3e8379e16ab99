import { getAccessLog } from "@/server/access-log";
import type { Resolvers } from "../generated/resolvers-types";
import { toGlobalId } from "../global-id";
import { connection } from "./connection";

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

export const accessLogResolvers: Resolvers = {
  Customer: {
    // The subject's own log (the customer, or the customer a support agent acts for).
    accessLog: async (customer, args, { viewer }) =>
      connection(await getAccessLog({ viewer, customerId: customer.id, ...args })),
  },
  AccessLogEntry: {
    ipMasked: (entry) => entry.ip,
    subject: (entry) =>
      entry.details
        ? (text(entry.details.field) ??
          text(entry.details.documentType) ??
          text(entry.details.exportId) ??
          text(entry.details.viewed) ??
          text(entry.details.method) ??
          text(entry.details.provider))
        : null,
    changes: (entry) =>
      entry.kind === "PARTNER" && Array.isArray(entry.details?.changes)
        ? entry.details.changes.flatMap((c: unknown) =>
            c && typeof c === "object" && "purpose" in c && "to" in c ? [`${String(c.purpose)} → ${String(c.to)}`] : [],
          )
        : [],
  },
  SupportSessionLog: {
    id: (session) => toGlobalId("Impersonation", session.id),
  },
  SupportSessionStep: {
    subject: (step) => text(step.details.viewed) ?? text(step.details.attempted),
    fields: (step) =>
      Array.isArray(step.details.fields) ? step.details.fields.filter((f): f is string => typeof f === "string") : [],
  },
};
