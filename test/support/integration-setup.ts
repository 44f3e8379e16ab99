import { afterAll, beforeAll } from "vitest";
import { closeDatabase, getDatabase } from "@/server/db";
import { applyMigrations } from "@/server/db/migrate";

if (!process.env.DATABASE_URL) process.env.PGLITE_DIR = "memory";

beforeAll(async () => {
  if (!process.env.DATABASE_URL) await applyMigrations(getDatabase().raw);
});

afterAll(async () => {
  await closeDatabase();
});
