// What the benchmarks share: the environment of their child processes, statements on
// the PostgreSQL server's maintenance database, and the machine's load.
import { loadavg } from "node:os";
import pg from "pg";

// The environment of a bench's app processes: its own embedded database and export
// folder, no telemetry, quiet logs, and no DATABASE_URL (the caller sets one for a
// PostgreSQL server).
export function benchEnv(dirs: { pgliteDir: string; exportDir?: string }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGLITE_DIR: dirs.pgliteDir,
    ...(dirs.exportDir ? { EXPORT_DIR: dirs.exportDir } : {}),
    NEXT_TELEMETRY_DISABLED: "1",
    LOG_LEVEL: "silent",
  };
  delete env.DATABASE_URL;
  return env;
}

// One statement on the server's "postgres" database: creating and dropping a bench's own.
export async function adminQuery(server: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: `${server}/postgres` });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

export const loadAverage = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
