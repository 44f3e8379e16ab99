import { closeDatabase, getDatabase } from "../server/db";
import { applyMigrations } from "../server/db/migrate";

async function main() {
  const db = getDatabase();
  const applied = await applyMigrations(db.raw);
  process.stdout.write(
    applied.length
      ? `Applied ${applied.length} migration(s) on ${db.kind}: ${applied.join(", ")}\n`
      : `Database (${db.kind}) is up to date.\n`,
  );
  await closeDatabase();
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
