import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import { CLIENT_ADDRESS_HEADER } from "@/server/auth/client-address";
import { getAuthOptions, SESSION_COOKIE } from "@/server/auth/options";
import { getAuthSecret } from "@/server/auth/secret";
import { decodeSessionCookie } from "@/server/auth/session-cookie";
import { resolveSessionViewer, type Viewer } from "@/server/auth/viewer";
import { type DemoIdentity, startIdentityProvider } from "@/server/dev/identity-provider";
import type { LocalProvider } from "@/server/social/local-idp";
import { listShopProfiles } from "@/server/tenants";

// next-auth's core handler, which its App Router route calls with the request read from
// Next's own context; the package does not export it, so it is loaded by its file.
const require = createRequire(import.meta.url);
type InternalResponse = {
  status?: number;
  body?: unknown;
  redirect?: string;
  cookies?: { name: string; value: string; options?: { maxAge?: number; expires?: Date } }[];
};
const { AuthHandler } = require(path.join(path.dirname(require.resolve("next-auth")), "core/index.js")) as {
  AuthHandler: (params: { req: Record<string, unknown>; options: unknown }) => Promise<InternalResponse>;
};

// Provider sign-in end to end, without a browser: next-auth's own handler (the one the
// app's /api/auth route runs) with this project's options, and the local identity
// provider over real HTTP on loopback, with a cookie jar per side as a browser keeps.

export const APP_ORIGIN = "http://localhost:3000";

export async function startTestIdentityProvider() {
  process.env.NEXTAUTH_URL ??= APP_ORIGIN;
  const secret = randomBytes(16).toString("hex");
  const idp = await startIdentityProvider({
    port: 0,
    secret,
    redirectOrigins: [process.env.NEXTAUTH_URL],
    shops: listShopProfiles().map((p) => p.handle),
  });
  process.env.LOCAL_IDP_URL = idp.url;
  process.env.LOCAL_IDP_SECRET = secret;
  return idp;
}

let counter = 0;
// An identity of its own for each test (the database outlives a run on PostgreSQL).
export function uniqueIdentity(
  provider: LocalProvider,
  overrides: Partial<DemoIdentity> = {},
): DemoIdentity & { id: string; email: string | null } {
  const tag = `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(3).toString("hex")}`;
  return {
    id: `${provider}-${tag}`,
    name: "Ana Test",
    email: provider === "twitter" ? null : `ana.${tag}@provider.example`,
    ...overrides,
  } as DemoIdentity & { id: string; email: string | null };
}

type Cookie = { name: string; value: string; options?: { maxAge?: number; expires?: Date } };

// One browser: the app's cookies (set by next-auth's handler) and the provider's.
export class TestBrowser {
  app = new Map<string, string>();
  idp = new Map<string, string>();
  headers: Record<string, string> = { "user-agent": "vitest-browser", [CLIENT_ADDRESS_HEADER]: "198.51.100.20" };

  private keep(jar: Map<string, string>, cookies: Cookie[] | undefined) {
    for (const c of cookies ?? []) {
      const expired = c.options?.maxAge === 0 || (c.options?.expires && c.options.expires.getTime() < Date.now());
      if (expired || c.value === "") jar.delete(c.name);
      else jar.set(c.name, c.value);
    }
  }

  // One call of the app's /api/auth/<action>/<provider>.
  async auth(
    action: "csrf" | "signin" | "callback" | "session" | "error",
    options: {
      method?: "GET" | "POST";
      providerId?: string;
      query?: Record<string, string>;
      body?: Record<string, string>;
    } = {},
  ) {
    const cookies = Object.fromEntries(this.app);
    const pathname = `/api/auth/${action}${options.providerId ? `/${options.providerId}` : ""}`;
    const headers = new Headers({ ...this.headers, host: new URL(process.env.NEXTAUTH_URL ?? APP_ORIGIN).host });
    const response = await AuthHandler({
      req: {
        action,
        method: options.method ?? "GET",
        providerId: options.providerId,
        cookies,
        headers: Object.fromEntries(headers),
        query: options.query ?? {},
        body: options.body ?? {},
        error: options.query?.error,
      },
      options: getAuthOptions({
        cookies: { get: (name) => (cookies[name] === undefined ? undefined : { value: cookies[name] as string }) },
        headers,
        pathname,
      }),
    });
    this.keep(this.app, response.cookies);
    return response;
  }

  // A request to the provider, its cookies kept; redirects are not followed.
  async provider(url: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const response = await fetch(url, {
      method: init.method ?? "GET",
      redirect: "manual",
      headers: {
        cookie: [...this.idp].map(([k, v]) => `${k}=${v}`).join("; "),
        ...(init.form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*(max-age=0|expires=Thu, 01 Jan 1970)/i.test(a));
      if (expired || !value) this.idp.delete(name);
      else this.idp.set(name, value);
    }
    return response;
  }

  // The session this browser holds, as the app resolves it.
  async viewer(): Promise<Viewer> {
    const token = this.app.get(SESSION_COOKIE);
    const claims = token ? decodeSessionCookie(token, getAuthSecret()) : null;
    return resolveSessionViewer(typeof claims?.sid === "string" ? claims.sid : null);
  }

  sessionClaims(): Record<string, unknown> | null {
    const token = this.app.get(SESSION_COOKIE);
    return token ? decodeSessionCookie(token, getAuthSecret()) : null;
  }
}

const shopOf = (providerId: string) => providerId.slice(0, providerId.lastIndexOf("-"));

export type FlowOptions = {
  providerId: string;
  identity: string;
  callbackUrl?: string;
  // Changes the provider's answer before it reaches the app's callback.
  tamper?: (callback: URL, browser: TestBrowser) => void;
  // Leave the provider without choosing an identity.
  cancel?: boolean;
};

// Start at the app, choose the identity at the provider, come back to the app's callback.
// Returns where the app finally sends the browser.
export async function providerSignIn(browser: TestBrowser, flow: FlowOptions): Promise<{ redirect: string }> {
  const csrf = await browser.auth("csrf");
  const csrfToken = (csrf.body as { csrfToken: string }).csrfToken;
  const start = await browser.auth("signin", {
    method: "POST",
    providerId: flow.providerId,
    // As the shop's pages start it: back to the shop's privacy centre.
    body: {
      csrfToken,
      callbackUrl: flow.callbackUrl ?? `${process.env.NEXTAUTH_URL}/${shopOf(flow.providerId)}/account/privacy`,
    },
  });
  if (!start.redirect) throw new Error(`signin gave no redirect: ${JSON.stringify(start.body)}`);
  let url = start.redirect;
  // Follow the provider's redirects until it sends the browser back to the app.
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(process.env.NEXTAUTH_URL ?? APP_ORIGIN)) break;
    const response = await browser.provider(url);
    const location = response.headers.get("location");
    if (location) {
      url = new URL(location, url).toString();
      continue;
    }
    // The provider's page: choose the identity (or cancel).
    const interaction = new URL(url);
    const action = flow.cancel ? "abort" : "login";
    const posted = await browser.provider(`${interaction.origin}${interaction.pathname}/${action}`, {
      method: "POST",
      form: flow.cancel ? {} : { identity: flow.identity },
    });
    const next = posted.headers.get("location");
    if (!next) throw new Error(`the provider answered ${posted.status} to ${action}: ${await posted.text()}`);
    url = new URL(next, url).toString();
  }
  const callback = new URL(url);
  flow.tamper?.(callback, browser);
  const done = await browser.auth("callback", {
    providerId: flow.providerId,
    query: Object.fromEntries(callback.searchParams),
  });
  return { redirect: await follow(browser, done.redirect ?? "") };
}

// Follows next-auth's own pages (/api/auth/error → /api/auth/signin → the shop's page),
// as a browser would.
export async function follow(browser: TestBrowser, redirect: string): Promise<string> {
  const origin = process.env.NEXTAUTH_URL ?? APP_ORIGIN;
  let url = redirect;
  for (let hop = 0; hop < 5; hop++) {
    const match = url.startsWith(`${origin}/api/auth/`)
      ? /^\/api\/auth\/(error|signin)$/.exec(new URL(url).pathname)
      : null;
    if (!match) return url;
    const query = Object.fromEntries(new URL(url).searchParams);
    const next = await browser.auth(match[1] as "error" | "signin", { query });
    url = next.redirect ?? "";
  }
  return url;
}
