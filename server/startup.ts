import { getAuthSecret } from "./auth/secret";
import { loadProfilesFrom, shopsDirectory } from "./tenants/load-profiles";

// A broken shop profile or a missing secret stops the app with a message naming the
// problem, instead of failing on some later request.
export function checkStartup(): void {
  try {
    const profiles = loadProfilesFrom(shopsDirectory());
    if (profiles.length === 0) throw new Error(`No shop profiles found in ${shopsDirectory()}.`);
    getAuthSecret();
  } catch (error) {
    process.stderr.write(`\nThe privacy centre cannot start.\n${(error as Error).message}\n\n`);
    process.exit(1);
  }
}
