import { getAccessLog } from "@/server/access-log";
import type { Resolvers } from "../generated/resolvers-types";
import { toGlobalId } from "../global-id";
import { connection } from "./connection";

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

export const accessLogResolvers: Resolvers = {
  Customer: {
    // The subject's own log (the customer, or the customer a support agent acts for).
    accessLog: async (_customer, args, { viewer }) => connection(await getAccessLog({ viewer, ...args })),
  },
  AccessLogEntry: {
    ipMasked: (entry) => entry.ip,
    subject: (entry) =>
      entry.details
        ? (text(entry.details.field) ?? text(entry.details.documentType) ?? text(entry.details.exportId))
        : null,
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
