import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function isDemoMode(): boolean {
  return process.env.PRIVACY_CENTRE_DEMO === "1" || process.env.NODE_ENV !== "production";
}

// NEXTAUTH_SECRET signs session cookies. In production it must be set; in demo mode
// one is generated once and kept in .data/ so sessions survive a restart.
const cached = globalThis as unknown as { __authSecret?: { configured: string | undefined; secret: string } };

export function getAuthSecret(): string {
  // Read once per configuration (in demo mode it is a file): every request needs it.
  const configured = process.env.NEXTAUTH_SECRET;
  if (cached.__authSecret?.configured !== configured || !cached.__authSecret) {
    cached.__authSecret = { configured, secret: readAuthSecret() };
  }
  return cached.__authSecret.secret;
}

function readAuthSecret(): string {
  const configured = process.env.NEXTAUTH_SECRET;
  if (configured && configured.length >= 32) return configured;
  if (configured) throw new Error("NEXTAUTH_SECRET must be at least 32 characters long.");
  if (!isDemoMode()) {
    throw new Error("NEXTAUTH_SECRET is not set. Set it to a random string of at least 32 characters.");
  }
  const file = path.join(/*turbopackIgnore: true*/ process.cwd(), ".data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}
