// On PostgreSQL (DATABASE_URL set) the schema is migrated once for the whole run; on
// PGlite every test file gets its own in-memory database (integration-setup.ts).
export default async function setup() {
  if (!process.env.DATABASE_URL) return;
  const { getDatabase, closeDatabase } = await import("../../server/db");
  const { applyMigrations } = await import("../../server/db/migrate");
  await applyMigrations(getDatabase().raw);
  await closeDatabase();
}
