import { canActorTake } from "@/server/auth/authorize";
import { reauthenticateSession } from "@/server/auth/reauthenticate";
import { createExport, downloadPath, getExports } from "@/server/export";
import type { Resolvers } from "../generated/resolvers-types";
import { toGlobalId } from "../global-id";
import { mutate } from "../user-errors";
import { connection } from "./connection";

export const exportResolvers: Resolvers = {
  Customer: {
    exports: async (customer, args, { viewer }) =>
      connection(await getExports({ viewer, customerId: customer.id, ...args })),
  },
  Export: {
    id: (e) => toGlobalId("Export", e.id),
    from: (e) => (e.from ? e.from.toISOString().slice(0, 10) : null),
    to: (e) => (e.to ? e.to.toISOString().slice(0, 10) : null),
    byteSize: (e) => (e.byteSize === null ? null : Number(e.byteSize)),
    recordsDone: (e) => e.rowsDone,
    recordsTotal: (e) => e.rowsTotal,
    failureCode: (e) => (e.status === "FAILED" ? (e.errorCode ?? "UNKNOWN") : null),
    // A link only for whoever may download (the account's owner; not support staff).
    downloadUrl: (e, _args, { viewer }) =>
      e.status === "READY" && e.expiresAt && e.expiresAt > new Date() && canActorTake(viewer, "export.download")
        ? downloadPath({
            globalId: toGlobalId("Export", e.id),
            exportId: e.id,
            customerId: e.customerId,
            expiresAt: e.expiresAt,
          })
        : null,
    // Batched: one statement for every export on the page.
    downloads: (e, _args, { loadExportDownloads }) => loadExportDownloads(e.id),
  },
  Mutation: {
    exportCreate: (_parent, { input }, { viewer }) =>
      mutate({ export: null, isExisting: null }, () => createExport({ viewer, input })),
    sessionReauthenticate: (_parent, { input }, { viewer }) =>
      mutate({ authenticatedAt: null }, () => reauthenticateSession({ viewer, input })),
  },
};
