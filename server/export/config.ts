// Limits and settings of "download my data" (issue 4).
export const EXPORT = {
  // Exports one customer may request in any 24 hours.
  dailyLimit: 5,
  // The download link works this long; then the file is deleted.
  linkTtlMs: 7 * 24 * 60 * 60_000,
  // Downloads need the password entered this recently in the session.
  recentSignInMs: 10 * 60_000,
  rowBatch: 5000,
  parentBatch: 1000,
  documentBatch: 50,
  // Fast deflate: CSV shrinks about as much as at level 6, several times faster.
  zipLevel: 1 as const,
  // How often the retention sweep runs.
  sweepEveryMs: 60 * 60_000,
  // On a PostgreSQL server the file is written by a separate process ("process"), or in
  // the app ("inline", EXPORT_WRITER=inline; tests use it to inject faults).
  writer: (process.env.EXPORT_WRITER === "inline" ? "inline" : "process") as "inline" | "process",
  // The last build's figures, for bench/export.ts.
  lastRun: null as { inProcess: boolean; writerMaxRssKb: number | null } | null,
  // Tests stop a build after a given batch to prove a crash leaves nothing served.
  testHooks: {} as { afterBatch?: (exportId: string, rowsDone: number) => Promise<void> | void },
};

// Each run writes its own file (the job's claim number is in the name, unique per run):
// a run that lost its job to another worker can never replace the file the winner
// recorded.
export function exportStorageKey(shopId: string, exportId: string, claim: number, format: "JSON" | "CSV"): string {
  return `${shopId}/${exportId}.${claim}.${format === "JSON" ? "json" : "zip"}`;
}

export function exportFilename(shopHandle: string, createdAt: Date, format: "JSON" | "CSV"): string {
  return `${shopHandle}-my-data-${createdAt.toISOString().slice(0, 10)}.${format === "JSON" ? "json" : "zip"}`;
}
