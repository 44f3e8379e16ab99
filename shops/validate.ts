// Validates every profile in this folder: `npx tsx shops/validate.ts`.
import path from "node:path";
import { loadProfilesFrom } from "../server/tenants/load-profiles";

try {
  const profiles = loadProfilesFrom(path.join(__dirname));
  process.stdout.write(`ok: ${profiles.map((p) => p.handle).join(", ")}\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
