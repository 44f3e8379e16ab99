import { createHash, generateKeyPair, type JsonWebKey, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { crc32, deflateSync } from "node:zlib";
import {
  LOCAL_PROVIDERS,
  type LocalProvider,
  localClientId,
  localClientSecret,
  localIssuer,
} from "../../social/local-idp";
import { DEMO_IDENTITIES, DEMO_MICROSOFT_TENANT_ID, type DemoIdentity } from "./identities";

export type { DemoIdentity } from "./identities";

// A local OpenID Connect provider that plays Facebook, X, Microsoft and Google where there
// is no internet (demo mode, tests). Developer tooling: it runs under tsx and vitest only,
// never inside Next. One HTTP server; each provider is its own oidc-provider instance
// (own issuer, keys, accounts and token store) mounted under /<provider>.

export type IdentityProviderOptions = {
  // 0: any free port.
  port?: number;
  host?: string;
  // LOCAL_IDP_SECRET: client secrets are derived from it (localClientSecret).
  secret: string;
  // The app's origins; each client accepts <origin>/api/auth/callback/<client id>.
  redirectOrigins: string[];
  // Shop handles: one client per shop and provider.
  shops: string[];
  // Replaces the demo identities of the providers it names.
  identities?: Partial<Record<LocalProvider, DemoIdentity[]>>;
};

export type IdentityProvider = {
  url: string;
  addIdentity(provider: LocalProvider, identity: DemoIdentity): void;
  // The access tokens issued so far (opaque values): tests check the app stores none.
  issuedAccessTokens(): string[];
  close(): Promise<void>;
};

// ---- The small part of oidc-provider's API used here (the package ships no types) ----

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => unknown;
type Payload = Record<string, unknown>;
type OidcInteraction = { uid: string; params: Record<string, unknown> };
type OidcGrant = {
  accountId: string;
  clientId: string;
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  save(): Promise<string>;
};
type OidcAccessToken = { accountId: string; clientId: string; grantId: string };
type OidcProvider = {
  callback(): NodeHandler;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<OidcInteraction>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: Payload,
    options?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
  Grant: {
    new (init: { accountId: string; clientId: string }): OidcGrant;
    find(id: string): Promise<OidcGrant | undefined>;
  };
  AccessToken: { find(token: string): Promise<OidcAccessToken | undefined> };
};
type OidcContext = { oidc: { result?: { login?: unknown } }; type: string; body: string };
type OidcModule = {
  default: new (issuer: string, configuration: Payload) => OidcProvider;
  interactionPolicy: {
    base(): { get(name: string): { checks: unknown[] } | undefined; add(prompt: unknown): void };
    Check: new (reason: string, description: string, check: (ctx: OidcContext) => boolean) => unknown;
    Prompt: new (options: { name: string; requestable: boolean }) => unknown;
  };
};

let oidcModule: Promise<OidcModule> | undefined;

function loadOidcProvider(): Promise<OidcModule> {
  oidcModule ??= (async () => {
    // On import it warns that Node 20 is not a supported runtime; it works there, and the
    // warning would land in every test run and demo log.
    // biome-ignore lint/suspicious/noConsole: wraps console.warn to drop that one line, logs nothing itself.
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (!String(args[0]).includes("Unsupported runtime")) warn(...args);
    };
    try {
      try {
        // @ts-expect-error oidc-provider ships no type declarations; OidcModule types what is used.
        return (await import("oidc-provider")) as OidcModule;
      } catch (error) {
        // tsx on Node 20 runs this file from a data: URL when an ES module imports it; a
        // bare specifier cannot resolve there, but the require it provides can.
        if (typeof require !== "function") throw error;
        return (await import(pathToFileURL(require.resolve("oidc-provider")).href)) as OidcModule;
      }
    } finally {
      console.warn = warn;
    }
  })();
  return oidcModule;
}

// ---- Configuration ----

const PROVIDER_NAMES: Record<LocalProvider, string> = {
  facebook: "Facebook",
  twitter: "X",
  microsoft: "Microsoft",
  google: "Google",
};

// Known scopes are granted and echoed in the token response; others are ignored rather
// than refused (Facebook's and X's own scopes, a comma-separated Facebook list).
const SCOPES = [
  "openid",
  "profile",
  "email",
  "offline_access",
  "public_profile",
  "user_birthday",
  "user_hometown",
  "user_location",
  "users.read",
  "tweet.read",
  "offline.access",
];

// Which claims each OIDC scope releases, per provider, as the real ones do.
const CLAIMS: Record<LocalProvider, Record<string, string[]>> = {
  microsoft: { openid: ["sub", "tid"], profile: ["name", "preferred_username", "oid"], email: ["email"] },
  google: {
    openid: ["sub"],
    profile: ["name", "given_name", "family_name", "picture", "locale"],
    email: ["email", "email_verified"],
  },
  facebook: { openid: ["sub"], profile: ["name", "given_name", "family_name", "picture"], email: ["email"] },
  twitter: { openid: ["sub"], profile: ["name", "preferred_username", "picture"], email: [] },
};

const ACCESS_TOKEN_TTL = 10 * 60;
const PICTURE_SIZE = 50;
const FORM_LIMIT = 16 * 1024;

type Mounted = {
  provider: LocalProvider;
  issuer: string;
  oidc: OidcProvider;
  handler: NodeHandler;
  clientIds: Set<string>;
  accounts: Map<string, DemoIdentity>;
};

// oidc-provider's built-in memory adapter keeps one store for the whole process, shared by
// every instance: a token of one provider would be found by another. Each gets its own.
function createMemoryAdapter(onSave?: (model: string, id: string) => void) {
  const entries = new Map<string, { payload: Payload; expiresAt: number }>();
  const sessionsByUid = new Map<string, string>();
  const read = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > Date.now()) return entry.payload;
    entries.delete(key);
    return undefined;
  };
  const sweep = () => {
    const now = Date.now();
    for (const [key, entry] of entries) if (entry.expiresAt <= now) entries.delete(key);
  };

  return (model: string) => {
    const keyOf = (id: string) => `${model}:${id}`;
    return {
      async upsert(id: string, payload: Payload, expiresIn?: number) {
        if (entries.size > 5000) sweep();
        const expiresAt = expiresIn ? Date.now() + expiresIn * 1000 : Number.POSITIVE_INFINITY;
        entries.set(keyOf(id), { payload, expiresAt });
        onSave?.(model, id);
        if (model === "Session" && typeof payload.uid === "string") sessionsByUid.set(payload.uid, id);
      },
      async find(id: string) {
        return read(keyOf(id));
      },
      async findByUid(uid: string) {
        const id = sessionsByUid.get(uid);
        return id === undefined ? undefined : read(keyOf(id));
      },
      async findByUserCode() {
        return undefined;
      },
      async consume(id: string) {
        const payload = read(keyOf(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id: string) {
        const payload = read(keyOf(id));
        if (typeof payload?.uid === "string") sessionsByUid.delete(payload.uid);
        entries.delete(keyOf(id));
      },
      async revokeByGrantId(grantId: string) {
        for (const [key, entry] of entries) {
          if (key.startsWith(`${model}:`) && entry.payload.grantId === grantId) entries.delete(key);
        }
      },
    };
  };
}

const generateRsaKey = promisify(generateKeyPair);

async function signingKey(): Promise<JsonWebKey> {
  const { privateKey } = await generateRsaKey("rsa", { modulusLength: 2048 });
  return { ...privateKey.export({ format: "jwk" }), use: "sig", alg: "RS256" };
}

const pictureUrl = (issuer: string, identity: DemoIdentity) =>
  typeof identity.picture === "string" ? identity.picture : `${issuer}/picture/${encodeURIComponent(identity.id)}.png`;

const firstName = (identity: DemoIdentity) => identity.firstName ?? identity.name.split(" ")[0];
const lastName = (identity: DemoIdentity) => identity.lastName ?? identity.name.split(" ").slice(1).join(" ");

// A stable GUID-shaped id for identities added without one (Microsoft's oid).
function guidFrom(seed: string): string {
  const hex = createHash("sha256").update(seed).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// The claims of the ID token and /userinfo; oidc-provider keeps those the scopes release.
function oidcClaims(provider: LocalProvider, issuer: string, identity: DemoIdentity): Payload {
  const picture = identity.picture === null ? undefined : pictureUrl(issuer, identity);
  const email = identity.email ?? undefined;
  const byProvider: Record<LocalProvider, Payload> = {
    microsoft: {
      preferred_username: identity.username ?? email ?? identity.id,
      oid: identity.oid ?? guidFrom(`oid:${identity.id}`),
      tid: identity.tid ?? DEMO_MICROSOFT_TENANT_ID,
    },
    google: {
      given_name: firstName(identity),
      family_name: lastName(identity) || undefined,
      email_verified: email ? (identity.emailVerified ?? true) : undefined,
      picture,
      locale: identity.locale,
    },
    facebook: { given_name: firstName(identity), family_name: lastName(identity) || undefined, picture },
    twitter: { preferred_username: identity.username, picture },
  };
  const claims: Payload = { sub: identity.id, name: identity.name, email, ...byProvider[provider] };
  return Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined));
}

function clientMetadata(shop: string, provider: LocalProvider, secret: string, redirectOrigins: string[]): Payload {
  const clientId = localClientId(shop, provider);
  return {
    client_id: clientId,
    client_secret: localClientSecret(clientId, secret),
    client_name: shop,
    application_type: "web",
    // client_secret_post is accepted too: oidc-provider treats the two as one method.
    token_endpoint_auth_method: "client_secret_basic",
    grant_types: ["authorization_code"],
    response_types: ["code"],
    redirect_uris: redirectOrigins.map((origin) => `${origin}/api/auth/callback/${clientId}`),
  };
}

async function mountProvider(
  oidc: OidcModule,
  provider: LocalProvider,
  base: string,
  options: IdentityProviderOptions,
  accounts: Map<string, DemoIdentity>,
  issuedTokens: string[],
): Promise<Mounted> {
  const issuer = localIssuer(base, provider);
  const issuerPath = new URL(issuer).pathname;
  const { Check, Prompt, base: basePolicy } = oidc.interactionPolicy;

  // The chooser shows on every sign-in, even with a session here: the demo switches
  // between people, and each test starts from a fresh page anyway.
  const policy = basePolicy();
  policy
    .get("login")
    ?.checks.push(
      new Check("choose_identity", "the local provider always asks who signs in", (ctx) => !ctx.oidc.result?.login),
    );
  // Google and Microsoft accept prompt=select_account; unknown prompt values are refused.
  policy.add(new Prompt({ name: "select_account", requestable: true }));

  const origins = options.redirectOrigins.map((origin) => new URL(origin).origin);
  const clients = options.shops.map((shop) => clientMetadata(shop, provider, options.secret, origins));

  const instance = new oidc.default(issuer, {
    adapter: createMemoryAdapter((model, id) => {
      if (model === "AccessToken" && issuedTokens.length < 10_000) issuedTokens.push(id);
    }),
    clients,
    jwks: { keys: [await signingKey()] },
    // Each provider has its own cookie names: they share one host and port.
    cookies: {
      keys: [randomBytes(32).toString("base64url")],
      names: {
        session: `_${provider}_session`,
        interaction: `_${provider}_interaction`,
        resume: `_${provider}_interaction_resume`,
      },
    },
    findAccount: async (_ctx: unknown, sub: string) => {
      const identity = accounts.get(sub);
      if (!identity) return undefined;
      return { accountId: sub, claims: async () => oidcClaims(provider, issuer, identity) };
    },
    clientAuthMethods: ["client_secret_basic", "client_secret_post"],
    claims: CLAIMS[provider],
    scopes: SCOPES,
    // next-auth reads Microsoft's and Google's profile from the ID token, as those
    // providers put name and email there; by default oidc-provider keeps them for /userinfo.
    conformIdTokenClaims: false,
    responseTypes: ["code"],
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      // Without resource indicators access tokens are opaque, for /userinfo and our APIs.
      resourceIndicators: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
    },
    // Facebook's Graph API lives under /graph/me; the standard /me would be confusing.
    routes: { userinfo: "/userinfo" },
    ttl: {
      AccessToken: ACCESS_TOKEN_TTL,
      AuthorizationCode: 60,
      IdToken: ACCESS_TOKEN_TTL,
      Interaction: 15 * 60,
      Session: 60 * 60,
      Grant: 60 * 60,
    },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `${issuerPath}/interaction/${interaction.uid}`,
      policy,
    },
    clientBasedCORS: () => false,
    // The default error page loads a web font; this one loads nothing.
    renderError: async (ctx: OidcContext, out: Record<string, unknown>) => {
      ctx.type = "html";
      ctx.body = page(
        `${PROVIDER_NAMES[provider]} sign-in failed (local test provider)`,
        `<p>${escapeHtml(String(out.error ?? "error"))}: ${escapeHtml(String(out.error_description ?? ""))}</p>`,
      );
    },
  });

  return {
    provider,
    issuer,
    oidc: instance,
    handler: instance.callback(),
    clientIds: new Set(clients.map((client) => String(client.client_id))),
    accounts,
  };
}

// ---- HTML ----

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );
}

const STYLE = `
body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1b1f24;background:#f3f4f6}
main{max-width:28rem;margin:3rem auto;padding:1.5rem 2rem;background:#fff;border-radius:.5rem;box-shadow:0 1px 3px rgba(0,0,0,.2)}
h1{font-size:1.35rem;margin:0 0 .75rem}
.note{color:#4b5563;font-size:.9rem}
ul{list-style:none;padding:0;margin:1rem 0}
li{margin:.5rem 0}
button{width:100%;text-align:left;font:inherit;padding:.6rem .9rem;border:1px solid #1d4ed8;border-radius:.375rem;background:#1d4ed8;color:#fff;cursor:pointer}
button small{display:block;font-size:.85rem;color:#e0e7ff}
button.secondary{background:#fff;color:#1d4ed8;text-align:center}
button:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

function chooserPage(mounted: Mounted, interaction: OidcInteraction): string {
  const name = PROVIDER_NAMES[mounted.provider];
  const clientId = String(interaction.params.client_id ?? "");
  const suffix = `-${mounted.provider}`;
  const shop = clientId.endsWith(suffix) ? clientId.slice(0, -suffix.length) : clientId;
  const scope = typeof interaction.params.scope === "string" ? interaction.params.scope : "";
  // A path, not a URL: the forms post to wherever the page was loaded from.
  const action = `${new URL(mounted.issuer).pathname}/interaction/${encodeURIComponent(interaction.uid)}`;
  const identities = [...mounted.accounts.values()];

  const buttons = identities
    .map(
      (identity) =>
        `<li><button type="submit" name="identity" value="${escapeHtml(identity.id)}">Continue as ${escapeHtml(identity.name)}` +
        ` <small>${identity.email ? escapeHtml(identity.email) : "no email shared"}</small></button></li>`,
    )
    .join("\n");

  return page(
    `Sign in with ${name} (local test provider)`,
    `<p class="note">This page stands in for ${escapeHtml(name)}'s sign-in, for demos and tests without internet. No real ${escapeHtml(name)} account is involved.</p>
<p><strong>${escapeHtml(shop)}</strong> asks to sign you in${scope ? ` (requested: ${escapeHtml(scope.split(" ").join(", "))})` : ""}.</p>
${
  identities.length
    ? `<form method="post" action="${escapeHtml(action)}/login">\n<ul>\n${buttons}\n</ul>\n</form>`
    : `<p>No test identities are set up for ${escapeHtml(name)}.</p>`
}
<form method="post" action="${escapeHtml(action)}/abort"><button type="submit" class="secondary">Cancel</button></form>`,
  );
}

// ---- Responses ----

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Payload = {}): void {
  res.writeHead(status, {
    "Content-Type": type,
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    ...headers,
  } as Record<string, string | number>);
  res.end(body);
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  send(res, status, "text/html; charset=utf-8", html, {
    // No form-action: browsers check it on the redirects after the form, to the app.
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
  });
}

const sendJson = (res: ServerResponse, status: number, body: unknown, headers: Payload = {}) =>
  send(res, status, "application/json; charset=utf-8", JSON.stringify(body), headers);

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > FORM_LIMIT) throw Object.assign(new Error("Form too large."), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

// ---- Provider-specific APIs ----

// The person behind a bearer token, if this provider issued it and it is still valid.
async function bearerIdentity(mounted: Mounted, req: IncomingMessage): Promise<DemoIdentity | undefined> {
  const match = /^Bearer ([A-Za-z0-9_-]+)$/i.exec(req.headers.authorization ?? "");
  if (!match) return undefined;
  const token = await mounted.oidc.AccessToken.find(match[1]);
  if (!token || !mounted.clientIds.has(token.clientId)) return undefined;
  const grant = await mounted.oidc.Grant.find(token.grantId);
  if (!grant || grant.accountId !== token.accountId || grant.clientId !== token.clientId) return undefined;
  return mounted.accounts.get(token.accountId);
}

// The Graph API gives places as Pages; a stable made-up page id per name.
function facebookPage(name: string): { id: string; name: string } {
  const digits = BigInt(`0x${createHash("sha256").update(`page:${name}`).digest("hex").slice(0, 15)}`);
  return { id: `10${(digits % 10n ** 13n).toString().padStart(13, "0")}`, name };
}

function facebookMe(mounted: Mounted, identity: DemoIdentity, fieldsParam: string | null): Payload {
  // Graph gives id and name when no fields are asked for, and id always; modifiers such as
  // picture.type(large) are accepted and ignored.
  const fields = (fieldsParam ?? "id,name").split(",").map((field) => /^[a-z_]+/.exec(field.trim())?.[0]);
  const out: Payload = { id: identity.id };
  for (const field of fields) {
    switch (field) {
      case "name":
        out.name = identity.name;
        break;
      case "first_name":
        out.first_name = firstName(identity);
        break;
      case "last_name":
        out.last_name = lastName(identity);
        break;
      case "email":
        if (identity.email) out.email = identity.email;
        break;
      case "picture":
        out.picture = {
          data: {
            url: pictureUrl(mounted.issuer, identity),
            width: PICTURE_SIZE,
            height: PICTURE_SIZE,
            is_silhouette: identity.picture === null,
          },
        };
        break;
      case "birthday":
        if (identity.birthday) out.birthday = identity.birthday;
        break;
      case "hometown":
        if (identity.hometown) out.hometown = facebookPage(identity.hometown);
        break;
      case "location":
        if (identity.location) out.location = facebookPage(identity.location);
        break;
    }
  }
  return out;
}

function twitterMe(mounted: Mounted, identity: DemoIdentity, fieldsParam: string | null): Payload {
  const fields = new Set((fieldsParam ?? "").split(",").map((field) => field.trim()));
  const data: Payload = {
    id: identity.id,
    name: identity.name,
    username: identity.username ?? identity.name.toLowerCase().replace(/[^a-z0-9_]+/g, "_"),
  };
  if (fields.has("profile_image_url") && identity.picture !== null) {
    data.profile_image_url = pictureUrl(mounted.issuer, identity);
  }
  if (fields.has("location") && identity.location) data.location = identity.location;
  if (fields.has("description")) data.description = identity.description ?? "";
  // X's OAuth 2.0 API never gives an email.
  return { data };
}

async function serveApi(mounted: Mounted, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const identity = await bearerIdentity(mounted, req);
  const challenge = { "WWW-Authenticate": 'Bearer error="invalid_token"' };
  if (mounted.provider === "facebook") {
    if (!identity) {
      const error = { message: "Invalid OAuth access token.", type: "OAuthException", code: 190 };
      return sendJson(res, 401, { error }, challenge);
    }
    return sendJson(res, 200, facebookMe(mounted, identity, url.searchParams.get("fields")));
  }
  if (!identity) {
    return sendJson(
      res,
      401,
      { title: "Unauthorized", type: "about:blank", status: 401, detail: "Unauthorized" },
      challenge,
    );
  }
  return sendJson(res, 200, twitterMe(mounted, identity, url.searchParams.get("user.fields")));
}

// ---- Pictures: a generated avatar, so profile pictures never leave the machine ----

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

function avatarPng(seed: string, silhouette: boolean): Buffer {
  const size = PICTURE_SIZE;
  const hash = createHash("sha256").update(seed).digest();
  const background = silhouette ? [196, 200, 206] : [64 + (hash[0] % 128), 64 + (hash[1] % 128), 64 + (hash[2] % 128)];
  const figure = silhouette ? [240, 242, 245] : [250, 250, 250];
  const rows = Buffer.alloc((size * 3 + 1) * size);
  for (let y = 0; y < size; y++) {
    rows[y * (size * 3 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const head = (x - 25) ** 2 + (y - 19) ** 2 <= 81;
      const shoulders = (x - 25) ** 2 + (y - 50) ** 2 <= 324;
      const color = head || shoulders ? figure : background;
      rows.set(color, y * (size * 3 + 1) + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(rows)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---- Interactions ----

async function showChooser(mounted: Mounted, uid: string, req: IncomingMessage, res: ServerResponse) {
  const interaction = await mounted.oidc.interactionDetails(req, res);
  if (interaction.uid !== uid)
    return sendHtml(res, 400, page("Sign-in not found", "<p>Start again from the shop.</p>"));
  sendHtml(res, 200, chooserPage(mounted, interaction));
}

async function finishLogin(mounted: Mounted, uid: string, req: IncomingMessage, res: ServerResponse) {
  const form = await readForm(req);
  const interaction = await mounted.oidc.interactionDetails(req, res);
  const identity = mounted.accounts.get(form.get("identity") ?? "");
  if (interaction.uid !== uid || !identity) {
    return sendHtml(res, 400, page("Sign-in not found", "<p>Start again from the shop.</p>"));
  }
  const { params } = interaction;
  // Login and consent on one page: grant what was asked, so no consent prompt follows.
  const grant = new mounted.oidc.Grant({ accountId: identity.id, clientId: String(params.client_id) });
  if (typeof params.scope === "string") grant.addOIDCScope(params.scope);
  if (typeof params.claims === "string") {
    const requested = JSON.parse(params.claims) as { userinfo?: object; id_token?: object };
    grant.addOIDCClaims([...Object.keys(requested.userinfo ?? {}), ...Object.keys(requested.id_token ?? {})]);
  }
  const grantId = await grant.save();
  // One page answers every prompt (login, consent, select_account).
  const result = { login: { accountId: identity.id }, consent: { grantId }, select_account: {} };
  await mounted.oidc.interactionFinished(req, res, result);
}

async function abortLogin(mounted: Mounted, uid: string, req: IncomingMessage, res: ServerResponse) {
  await readForm(req);
  const interaction = await mounted.oidc.interactionDetails(req, res);
  if (interaction.uid !== uid)
    return sendHtml(res, 400, page("Sign-in not found", "<p>Start again from the shop.</p>"));
  await mounted.oidc.interactionFinished(
    req,
    res,
    { error: "access_denied", error_description: "The person cancelled the sign-in." },
    { mergeWithLastSubmission: false },
  );
}

// ---- Routing ----

async function route(mounted: Mounted, rest: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(rest, "http://local");
  const path = url.pathname;
  const method = req.method ?? "GET";

  const interaction = /^\/interaction\/([A-Za-z0-9_-]+)(\/login|\/abort)?$/.exec(path);
  if (interaction) {
    const [, uid, action] = interaction;
    if (!action && method === "GET") return showChooser(mounted, uid, req, res);
    if (action === "/login" && method === "POST") return finishLogin(mounted, uid, req, res);
    if (action === "/abort" && method === "POST") return abortLogin(mounted, uid, req, res);
    return sendJson(res, 405, { error: "method_not_allowed" });
  }

  const picture = /^\/picture\/([^/]+)\.png$/.exec(path);
  if (picture && method === "GET") {
    const identity = mounted.accounts.get(decodeURIComponent(picture[1]));
    if (!identity) return sendJson(res, 404, { error: "not_found" });
    return send(res, 200, "image/png", avatarPng(`${mounted.provider}:${identity.id}`, identity.picture === null), {
      "Cache-Control": "public, max-age=3600",
    });
  }

  if (
    method === "GET" &&
    ((mounted.provider === "facebook" && path === "/graph/me") ||
      (mounted.provider === "twitter" && path === "/2/users/me"))
  ) {
    return serveApi(mounted, req, res, url);
  }

  // Everything else is oidc-provider's. It finds its mount path by comparing originalUrl
  // with url, as under Express's app.use(prefix, ...).
  (req as IncomingMessage & { originalUrl?: string }).originalUrl = req.url;
  req.url = rest;
  await mounted.handler(req, res);
}

export async function startIdentityProvider(options: IdentityProviderOptions): Promise<IdentityProvider> {
  const oidc = await loadOidcProvider();
  const host = options.host ?? "127.0.0.1";
  const accounts = new Map(
    LOCAL_PROVIDERS.map((provider) => {
      const list = options.identities?.[provider] ?? DEMO_IDENTITIES[provider];
      return [provider, new Map(list.map((identity) => [identity.id, { ...identity }]))] as const;
    }),
  );
  const mounted = new Map<string, Mounted>();
  const issuedTokens: string[] = [];

  const server = createServer((req, res) => {
    const [, prefix = "", rest = ""] = /^\/([^/?]*)(.*)$/s.exec(req.url ?? "/") ?? [];
    const target = mounted.get(prefix);
    if (!target) {
      return sendJson(res, mounted.size ? 404 : 503, { error: mounted.size ? "not_found" : "starting" });
    }
    route(target, rest.startsWith("/") ? rest : `/${rest}`, req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      // Expected ones carry a status: an expired or replayed interaction (its cookie is
      // gone), a form too large.
      const status = (error as { status?: unknown }).status;
      sendHtml(
        res,
        typeof status === "number" ? status : 500,
        page("Sign-in could not continue", "<p>Start again from the shop.</p>"),
      );
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  try {
    for (const provider of LOCAL_PROVIDERS) {
      mounted.set(
        provider,
        await mountProvider(oidc, provider, url, options, accounts.get(provider) ?? new Map(), issuedTokens),
      );
    }
  } catch (error) {
    server.close();
    throw error;
  }

  return {
    url,
    addIdentity(provider, identity) {
      accounts.get(provider)?.set(identity.id, { ...identity });
    },
    issuedAccessTokens: () => [...issuedTokens],
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
