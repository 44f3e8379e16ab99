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

// Talking to a running app as its clients do.
export function appClient(base: string) {
  return {
    async waitUp(timeoutMs = 90_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        try {
          if ((await fetch(`${base}/api/health`)).ok) return;
        } catch {
          // starting
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error("the app did not start");
    },
    // Signs in like the browser does (next-auth CSRF token, then the provider's callback):
    // "credentials" for customers, "agent" for support staff.
    async signIn(provider: "credentials" | "agent", shop: string, email: string, password: string): Promise<string> {
      const csrf = await fetch(`${base}/api/auth/csrf`);
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
      const response = await fetch(`${base}/api/auth/callback/${provider}`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
        body: new URLSearchParams({ csrfToken, shop, email, password, json: "true" }),
      });
      const session = response.headers.getSetCookie().find((c) => c.startsWith("pc.session="));
      if (!session) throw new Error(`sign-in of ${email} failed (${response.status})`);
      return session.split(";")[0];
    },
    // One GraphQL operation with a cookie or an API key; throws on any error.
    async graphql<T>(
      auth: { cookie?: string; apiKey?: string },
      query: string,
      variables?: Record<string, unknown>,
    ): Promise<T> {
      const response = await fetch(`${base}/api/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(auth.cookie ? { cookie: auth.cookie } : {}),
          ...(auth.apiKey ? { authorization: `Bearer ${auth.apiKey}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const result = (await response.json()) as { data?: T; errors?: { message: string }[] };
      if (!result.data || result.errors?.length) {
        throw new Error(`GraphQL: ${result.errors?.map((e) => e.message).join("; ") ?? response.status}`);
      }
      return result.data;
    },
  };
}
