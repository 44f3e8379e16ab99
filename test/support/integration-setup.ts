import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { closeDatabase, getDatabase } from "@/server/db";
import { applyMigrations } from "@/server/db/migrate";

if (!process.env.DATABASE_URL) process.env.PGLITE_DIR = "memory";
// Export files of each test file go to their own temporary folder.
process.env.EXPORT_DIR = mkdtempSync(path.join(tmpdir(), "pc-exports-"));
// So are audit checkpoints (a test that needs a folder of its own passes `directory`).
process.env.AUDIT_CHECKPOINT_DIR = mkdtempSync(path.join(tmpdir(), "pc-audit-checkpoints-"));
// Builds run in the test process, where faults can be injected (EXPORT.testHooks);
// export-writer.test.ts runs the separate writer process on purpose.
process.env.EXPORT_WRITER = "inline";

beforeAll(async () => {
  if (!process.env.DATABASE_URL) await applyMigrations(getDatabase().raw);
});

afterAll(async () => {
  await closeDatabase();
});
