import { readdirSync } from "node:fs";
import path from "node:path";
import { startIdentityProvider } from "../server/dev/identity-provider";

// Starts the local identity provider that stands in for Facebook, X, Microsoft and Google
// in demo mode (server/dev/identity-provider). It serves every shop in shops/.
//
//   LOCAL_IDP_SECRET            required; the app reads the same one
//   LOCAL_IDP_PORT              default 3401
//   LOCAL_IDP_REDIRECT_ORIGINS  the app's origins, comma-separated (default: NEXTAUTH_URL,
//                               else http://localhost:3000)

function shopHandles(): string[] {
  const directory = path.join(import.meta.dirname, "..", "shops");
  return readdirSync(directory)
    .filter((file) => file.endsWith(".yaml"))
    .map((file) => file.slice(0, -".yaml".length))
    .sort();
}

async function main() {
  const secret = process.env.LOCAL_IDP_SECRET?.trim();
  if (!secret) throw new Error("LOCAL_IDP_SECRET is required: the secret the app and the identity provider share.");

  const port = Number(process.env.LOCAL_IDP_PORT?.trim() || 3401);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error("LOCAL_IDP_PORT must be a port number.");

  const origins = (process.env.LOCAL_IDP_REDIRECT_ORIGINS || process.env.NEXTAUTH_URL || "http://localhost:3000")
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (!URL.canParse(origin)) throw new Error(`LOCAL_IDP_REDIRECT_ORIGINS: not a URL: ${origin}`);
  }

  const idp = await startIdentityProvider({ port, secret, redirectOrigins: origins, shops: shopHandles() });
  process.stdout.write(`Local identity provider (Facebook, X, Microsoft, Google) on ${idp.url}\n`);

  const stop = () => {
    idp.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
