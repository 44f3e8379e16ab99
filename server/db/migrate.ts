import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { RawSql } from "./index";

// Applies prisma/migrations/*/migration.sql in order and records each in Prisma's own
// `_prisma_migrations` table format, so `prisma migrate status` agrees wherever the
// Prisma schema engine is available. (The engine cannot be downloaded here.)

const MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);`;

export type Migration = { name: string; sql: string; checksum: string };

export function readMigrations(dir = path.join(process.cwd(), "prisma", "migrations")): Migration[] {
  if (!existsSync(dir)) throw new Error(`No migrations folder at ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export async function applyMigrations(raw: RawSql, migrations = readMigrations()): Promise<string[]> {
  await raw.exec(MIGRATIONS_TABLE);
  const rows = await raw.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
  );
  const done = new Map(rows.map((r) => [r.migration_name, r]));
  const applied: string[] = [];
  for (const m of migrations) {
    const previous = done.get(m.name);
    if (previous?.finished_at) {
      if (previous.checksum !== m.checksum) {
        throw new Error(`Migration ${m.name} was changed after it was applied; add a new migration instead.`);
      }
      continue;
    }
    if (previous) {
      throw new Error(`Migration ${m.name} failed earlier and needs attention before anything else runs.`);
    }
    // One transaction per migration: a failure leaves the database as it was.
    const id = randomUUID();
    await raw
      .exec(
        `BEGIN;\n${m.sql}\n;INSERT INTO "_prisma_migrations" ("id","checksum","finished_at","migration_name","applied_steps_count","started_at") VALUES ('${id}','${m.checksum}',now(),'${m.name.replace(/'/g, "''")}',1,now());\nCOMMIT;`,
      )
      .catch(async (error: unknown) => {
        await raw.exec("ROLLBACK;").catch(() => undefined);
        throw new Error(`Migration ${m.name} failed: ${(error as Error).message}`);
      });
    applied.push(m.name);
  }
  return applied;
}
