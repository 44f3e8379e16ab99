import type { Resolvers } from "../generated/resolvers-types";
import { accessLogResolvers } from "./access-log";
import { auditLogResolvers } from "./audit-log";
import { baseResolvers } from "./base";
import { consentResolvers } from "./consent";
import { correctionsResolvers } from "./corrections";
import { emailChangeResolvers } from "./email-change";
import { erasureResolvers } from "./erasure";
import { exportResolvers } from "./export";
import { myDataResolvers } from "./my-data";
import { shopResolvers } from "./shop";
import { supportResolvers } from "./support";
import { viewerResolvers } from "./viewer";

// One resolver map per domain, merged by type (scalars are defined once, in base).
function merge(...maps: Resolvers[]): Resolvers {
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
);
