import { reauthenticateSession } from "@/server/auth/reauthenticate";
import { createExport, downloadPath, getExports } from "@/server/export";
import type { Resolvers } from "../generated/resolvers-types";
import { toGlobalId } from "../global-id";
import { payloadErrors } from "../user-errors";
import { connection } from "./connection";

export const exportResolvers: Resolvers = {
  Customer: {
    exports: async (_customer, args, { viewer }) => connection(await getExports({ viewer, ...args })),
  },
  Export: {
    id: (e) => toGlobalId("Export", e.id),
    from: (e) => (e.from ? e.from.toISOString().slice(0, 10) : null),
    to: (e) => (e.to ? e.to.toISOString().slice(0, 10) : null),
    byteSize: (e) => (e.byteSize === null ? null : Number(e.byteSize)),
    recordsDone: (e) => e.rowsDone,
    recordsTotal: (e) => e.rowsTotal,
    failureCode: (e) => (e.status === "FAILED" ? (e.errorCode ?? "UNKNOWN") : null),
    downloadUrl: (e, _args, { viewer }) =>
      e.status === "READY" && e.expiresAt && e.expiresAt > new Date() && viewer.kind === "customer"
        ? downloadPath({
            globalId: toGlobalId("Export", e.id),
            exportId: e.id,
            customerId: viewer.customerId,
            expiresAt: e.expiresAt,
          })
        : null,
    // Batched: one statement for every export on the page.
    downloads: (e, _args, { loadExportDownloads }) => loadExportDownloads(e.id),
  },
  Mutation: {
    exportCreate: async (_parent, { input }, { viewer }) => {
      try {
        const result = await createExport({ viewer, input });
        return { export: result.export, isExisting: result.isExisting, userErrors: [] };
      } catch (error) {
        return { export: null, isExisting: null, userErrors: payloadErrors(error) };
      }
    },
    sessionReauthenticate: async (_parent, { input }, { viewer }) => {
      try {
        return { ...(await reauthenticateSession({ viewer, input })), userErrors: [] };
      } catch (error) {
        return { authenticatedAt: null, userErrors: payloadErrors(error) };
      }
    },
  },
};
