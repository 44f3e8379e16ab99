import { randomBytes } from "node:crypto";
import { type BaseClient, type ClientMetadata, errors, generators, Issuer } from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type IdentityProvider, startIdentityProvider } from "@/server/dev/identity-provider";
import { DEMO_MICROSOFT_TENANT_ID } from "@/server/dev/identity-provider/identities";
import {
  LOCAL_PROVIDERS,
  type LocalProvider,
  localClientId,
  localClientSecret,
  localEndpoints,
  localIssuer,
} from "@/server/social/local-idp";

// The local identity provider driven as next-auth drives the real ones: openid-client as
// the app's client, fetch with a small cookie jar as the browser.

const SECRET = randomBytes(16).toString("base64url");
const ORIGIN = "http://localhost:3400";
const OTHER_ORIGIN = "http://127.0.0.1:3400";
const SHOP = "almaz";

let idp: IdentityProvider;

beforeAll(async () => {
  idp = await startIdentityProvider({
    port: 0,
    secret: SECRET,
    redirectOrigins: [ORIGIN, OTHER_ORIGIN],
    shops: [SHOP, "micro-image"],
  });
});

afterAll(async () => {
  await idp?.close();
});

const clientIdOf = (provider: LocalProvider, shop = SHOP) => localClientId(shop, provider);
const redirectUriOf = (provider: LocalProvider, origin = ORIGIN) =>
  `${origin}/api/auth/callback/${clientIdOf(provider)}`;
const unique = () => randomBytes(6).toString("hex");

// A browser on the identity provider: keeps its cookies (by path, as browsers do), follows
// its redirects, and stops where it is sent back to the app.
class Browser {
  private cookies = new Map<string, { name: string; value: string; path: string }>();

  private async fetch(url: URL, form?: Record<string, string>): Promise<Response> {
    const cookie = [...this.cookies.values()]
      .filter((c) => url.pathname === c.path || url.pathname.startsWith(c.path.endsWith("/") ? c.path : `${c.path}/`))
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
    const response = await fetch(url, {
      method: form ? "POST" : "GET",
      redirect: "manual",
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(";").map((part) => part.trim());
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(pair.indexOf("=") + 1);
      const path = attributes.find((a) => a.toLowerCase().startsWith("path="))?.slice(5) ?? "/";
      const expired = attributes.some((a) => /^expires=/i.test(a) && Date.parse(a.slice(8)) < Date.now());
      if (!value || expired) this.cookies.delete(`${name};${path}`);
      else this.cookies.set(`${name};${path}`, { name, value, path });
    }
    return response;
  }

  // Goes to `url` (POSTing `form` if given) and follows redirects on the provider.
  async go(url: string | URL, form?: Record<string, string>): Promise<{ url: URL; response?: Response }> {
    let current = new URL(url);
    let response = await this.fetch(current, form);
    while (response.status >= 300 && response.status < 400) {
      const next = new URL(response.headers.get("location") ?? "", current);
      if (!next.href.startsWith(`${idp.url}/`)) return { url: next };
      current = next;
      response = await this.fetch(current);
    }
    return { url: current, response };
  }
}

type Chooser = { url: URL; html: string; login: URL; abort: URL };

// Opens the authorization URL and expects the chooser page, with its two forms.
async function openChooser(browser: Browser, authorizationUrl: string): Promise<Chooser> {
  const { url, response } = await browser.go(authorizationUrl);
  expect(response?.status).toBe(200);
  expect(url.pathname).toMatch(/^\/[a-z]+\/interaction\/[\w-]+$/);
  const html = (await response?.text()) ?? "";
  const actions = [...html.matchAll(/<form method="post" action="([^"]+)"/g)].map((match) => new URL(match[1], url));
  const action = (name: string) => actions.find((a) => a.pathname.endsWith(`/${name}`)) ?? url;
  return { url, html, login: action("login"), abort: action("abort") };
}

// Presses "Continue as …" on the chooser; answers the app's callback URL it is sent back to.
async function choose(browser: Browser, chooser: Chooser, identity: string): Promise<URL> {
  const { url, response } = await browser.go(chooser.login, { identity });
  expect(response, `expected a redirect to the app, got ${response?.status} at ${url}`).toBeUndefined();
  return url;
}

async function oidcClient(provider: LocalProvider, metadata: Partial<ClientMetadata> = {}): Promise<BaseClient> {
  const issuer = await Issuer.discover(localIssuer(idp.url, provider));
  const clientId = clientIdOf(provider);
  return new issuer.Client({
    client_id: clientId,
    client_secret: localClientSecret(clientId, SECRET),
    redirect_uris: [redirectUriOf(provider)],
    response_types: ["code"],
    ...metadata,
  });
}

// Facebook and X as next-auth configures them: plain OAuth 2.0 endpoints, no discovery.
function oauthClient(provider: "facebook" | "twitter"): BaseClient {
  const endpoints = localEndpoints(idp.url, provider);
  const issuer = new Issuer({
    issuer: endpoints.issuer,
    authorization_endpoint: endpoints.authorization,
    token_endpoint: endpoints.token,
  });
  const clientId = clientIdOf(provider);
  return new issuer.Client({
    client_id: clientId,
    client_secret: localClientSecret(clientId, SECRET),
    redirect_uris: [redirectUriOf(provider)],
    response_types: ["code"],
  });
}

type Checks = { state: string; nonce: string; verifier: string };

function pkceUrl(client: BaseClient, scope: string, extra: Record<string, string> = {}) {
  const checks: Checks = { state: generators.state(), nonce: generators.nonce(), verifier: generators.codeVerifier() };
  const url = client.authorizationUrl({
    scope,
    state: checks.state,
    ...(scope.split(" ").includes("openid") ? { nonce: checks.nonce } : {}),
    code_challenge: generators.codeChallenge(checks.verifier),
    code_challenge_method: "S256",
    ...extra,
  });
  return { url, checks };
}

const getJson = async (url: string, token?: string) => {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

// Signs in to Facebook (plain OAuth 2.0, state only, as next-auth does) and answers the token.
async function facebookToken(identity: string): Promise<string> {
  const client = oauthClient("facebook");
  const state = generators.state();
  const browser = new Browser();
  const chooser = await openChooser(browser, client.authorizationUrl({ scope: "email public_profile", state }));
  const callback = await choose(browser, chooser, identity);
  const tokens = await client.oauthCallback(redirectUriOf("facebook"), client.callbackParams(callback.href), { state });
  return tokens.access_token ?? "";
}

async function twitterToken(identity: string): Promise<string> {
  const client = oauthClient("twitter");
  const { url, checks } = pkceUrl(client, "users.read tweet.read offline.access");
  const browser = new Browser();
  const callback = await choose(browser, await openChooser(browser, url), identity);
  const tokens = await client.oauthCallback(redirectUriOf("twitter"), client.callbackParams(callback.href), {
    state: checks.state,
    code_verifier: checks.verifier,
  });
  return tokens.access_token ?? "";
}

describe("local identity provider: discovery", () => {
  it("serves each provider as its own issuer, with its own keys and the agreed endpoints", async () => {
    const kids = new Set<string>();
    for (const provider of LOCAL_PROVIDERS) {
      const endpoints = localEndpoints(idp.url, provider);
      const { status, body } = await getJson(endpoints.wellKnown);
      expect(status).toBe(200);
      expect(body).toMatchObject({
        issuer: endpoints.issuer,
        authorization_endpoint: endpoints.authorization,
        token_endpoint: endpoints.token,
        jwks_uri: endpoints.jwks,
        userinfo_endpoint: `${endpoints.issuer}/userinfo`,
        code_challenge_methods_supported: ["S256"],
        response_types_supported: ["code"],
      });
      const jwks = await getJson(endpoints.jwks);
      const keys = jwks.body.keys as { kid: string; kty: string; d?: string }[];
      expect(keys).toHaveLength(1);
      expect(keys[0]).toMatchObject({ kty: "RSA", use: "sig" });
      expect(keys[0].d).toBeUndefined();
      kids.add(keys[0].kid);
    }
    expect(kids.size).toBe(LOCAL_PROVIDERS.length);
  });

  it("answers 404 outside the four providers", async () => {
    expect((await fetch(`${idp.url}/github/.well-known/openid-configuration`)).status).toBe(404);
  });
});

describe("local identity provider: the chooser page", () => {
  it("is one accessible page naming the provider, the shop and one button per identity", async () => {
    const client = oauthClient("facebook");
    const { url, html } = await openChooser(new Browser(), client.authorizationUrl({ scope: "email", state: "s1" }));
    expect(url.pathname.startsWith("/facebook/interaction/")).toBe(true);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("<title>Sign in with Facebook (local test provider)</title>");
    expect(html).toMatch(/<main>[\s\S]*<h1>Sign in with Facebook \(local test provider\)<\/h1>/);
    expect(html).toContain("stands in for Facebook");
    expect(html).toContain("<strong>almaz</strong> asks to sign you in");
    expect(html).toContain("Continue as Ioana Marin <small>ioana.marin@example.net</small>");
    expect(html).toContain("Continue as Radu Ionescu <small>no email shared</small>");
    expect(html).toContain(`action="${url.pathname}/login"`);
    expect(html).toContain('name="identity" value="10200000000000001"');
    expect(html).toMatch(/action="[^"]+\/abort"><button type="submit"[^>]*>Cancel<\/button>/);
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)[^"\s]+\.(css|js|woff2?)/);
  });

  it("escapes what it shows, and lists identities added at run time", async () => {
    const id = `google-${unique()}`;
    idp.addIdentity("google", { id, name: `<script>alert("x")</script> & Co`, email: null });
    const client = await oidcClient("google");
    const { html } = await openChooser(new Browser(), pkceUrl(client, "openid email").url);
    expect(html).toContain("Continue as &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co");
    expect(html).not.toContain("<script>");
    expect(html).toContain(`value="${id}"`);
  });

  it("shows the chooser again on the next sign-in, so the demo can switch people", async () => {
    const client = await oidcClient("microsoft");
    const browser = new Browser();
    const first = pkceUrl(client, "openid");
    await choose(browser, await openChooser(browser, first.url), "ms-ioana");
    await openChooser(browser, pkceUrl(client, "openid").url);
  });
});

describe("local identity provider: OpenID Connect (Microsoft, Google)", () => {
  it("gives Microsoft's claims in the ID token after a code flow with PKCE, state and nonce", async () => {
    const client = await oidcClient("microsoft");
    const { url, checks } = pkceUrl(client, "openid profile email offline_access");
    const browser = new Browser();
    const callback = await choose(browser, await openChooser(browser, url), "ms-ioana");
    expect(callback.href.startsWith(`${redirectUriOf("microsoft")}?`)).toBe(true);
    expect(callback.searchParams.get("state")).toBe(checks.state);

    const tokens = await client.callback(redirectUriOf("microsoft"), client.callbackParams(callback.href), {
      state: checks.state,
      nonce: checks.nonce,
      code_verifier: checks.verifier,
    });
    expect(tokens.refresh_token).toBeUndefined();
    expect(tokens.claims()).toMatchObject({
      iss: localIssuer(idp.url, "microsoft"),
      aud: clientIdOf("microsoft"),
      sub: "ms-ioana",
      nonce: checks.nonce,
      name: "Ioana Marin",
      email: "ioana.marin@outlook.example",
      preferred_username: "ioana.marin@outlook.example",
      oid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      tid: DEMO_MICROSOFT_TENANT_ID,
    });
    expect(tokens.expires_in).toBeGreaterThan(500);
    expect(tokens.expires_in).toBeLessThanOrEqual(600);
    expect(await client.userinfo(tokens)).toMatchObject({ sub: "ms-ioana", email: "ioana.marin@outlook.example" });
  });

  it("gives Google's claims in the ID token, with a picture served by the provider itself", async () => {
    const client = await oidcClient("google");
    const { url, checks } = pkceUrl(client, "openid email profile");
    const browser = new Browser();
    const callback = await choose(browser, await openChooser(browser, url), "google-demo");
    const tokens = await client.callback(redirectUriOf("google"), client.callbackParams(callback.href), {
      state: checks.state,
      nonce: checks.nonce,
      code_verifier: checks.verifier,
    });
    const claims = tokens.claims();
    expect(claims).toMatchObject({
      sub: "google-demo",
      name: "Demo Customer",
      given_name: "Demo",
      family_name: "Customer",
      email: "demo@micro-image.example",
      email_verified: true,
      locale: "en",
      picture: `${idp.url}/google/picture/google-demo.png`,
    });
    const picture = await fetch(String(claims.picture));
    expect(picture.status).toBe(200);
    expect(picture.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await picture.arrayBuffer()).subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
  });

  it("signs in an identity added at run time, and ignores scopes it does not know", async () => {
    const id = `google-${unique()}`;
    idp.addIdentity("google", { id, name: "Ada Lovelace", email: `ada.${id}@gmail.example` });
    const client = await oidcClient("google");
    const { url, checks } = pkceUrl(client, "openid email https://www.googleapis.com/auth/unknown");
    const browser = new Browser();
    const callback = await choose(browser, await openChooser(browser, url), id);
    const tokens = await client.callback(redirectUriOf("google"), client.callbackParams(callback.href), {
      state: checks.state,
      nonce: checks.nonce,
      code_verifier: checks.verifier,
    });
    expect(tokens.scope?.split(" ").sort()).toEqual(["email", "openid"]);
    expect(tokens.claims()).toMatchObject({ sub: id, email: `ada.${id}@gmail.example`, nonce: checks.nonce });
  });

  it("accepts prompt=login, consent and select_account, answering them all on the one page", async () => {
    const client = await oidcClient("google");
    const { url, checks } = pkceUrl(client, "openid email", { prompt: "select_account consent login" });
    const browser = new Browser();
    const callback = await choose(browser, await openChooser(browser, url), "google-ioana");
    const tokens = await client.callback(redirectUriOf("google"), client.callbackParams(callback.href), {
      state: checks.state,
      nonce: checks.nonce,
      code_verifier: checks.verifier,
    });
    expect(tokens.claims()).toMatchObject({ sub: "google-ioana", email: "ioana.marin@gmail.example" });
  });

  it("accepts client_secret_post as well as client_secret_basic", async () => {
    const client = await oidcClient("microsoft", { token_endpoint_auth_method: "client_secret_post" });
    const { url, checks } = pkceUrl(client, "openid email");
    const browser = new Browser();
    const callback = await choose(browser, await openChooser(browser, url), "ms-demo");
    const tokens = await client.callback(redirectUriOf("microsoft"), client.callbackParams(callback.href), {
      state: checks.state,
      nonce: checks.nonce,
      code_verifier: checks.verifier,
    });
    expect(tokens.claims()).toMatchObject({ sub: "ms-demo", email: "demo@almaz.example" });
  });
});

describe("local identity provider: Facebook and X (plain OAuth 2.0)", () => {
  it("gives Facebook an access token only, and a Graph-shaped /me with the asked fields", async () => {
    const client = oauthClient("facebook");
    const state = generators.state();
    const browser = new Browser();
    const chooser = await openChooser(browser, client.authorizationUrl({ scope: "email public_profile", state }));
    const callback = await choose(browser, chooser, "10200000000000001");
    const tokens = await client.oauthCallback(redirectUriOf("facebook"), client.callbackParams(callback.href), {
      state,
    });
    expect(tokens.access_token).toEqual(expect.any(String));
    expect(tokens.id_token).toBeUndefined();
    expect(tokens.token_type).toBe("Bearer");

    const me = await getJson(
      `${localEndpoints(idp.url, "facebook").facebookMe}?fields=id,name,email,picture`,
      tokens.access_token,
    );
    expect(me).toEqual({
      status: 200,
      body: {
        id: "10200000000000001",
        name: "Ioana Marin",
        email: "ioana.marin@example.net",
        picture: {
          data: {
            url: `${idp.url}/facebook/picture/10200000000000001.png`,
            width: 50,
            height: 50,
            is_silhouette: false,
          },
        },
      },
    });

    const more = await getJson(
      `${localEndpoints(idp.url, "facebook").facebookMe}?fields=first_name,last_name,birthday,hometown,location`,
      tokens.access_token,
    );
    expect(more.body).toEqual({
      id: "10200000000000001",
      first_name: "Ioana",
      last_name: "Marin",
      birthday: "04/12/1991",
      hometown: { id: expect.stringMatching(/^\d{15}$/), name: "Cluj-Napoca, Romania" },
      location: { id: expect.stringMatching(/^\d{15}$/), name: "Bucharest, Romania" },
    });
  });

  it("leaves the email out of Facebook's /me when the person has none", async () => {
    const token = await facebookToken("10200000000000003");
    const me = await getJson(`${localEndpoints(idp.url, "facebook").facebookMe}?fields=id,name,email`, token);
    expect(me).toEqual({ status: 200, body: { id: "10200000000000003", name: "Radu Ionescu" } });
  });

  it("gives X an access token only, and an X-shaped /2/users/me with no email", async () => {
    const token = await twitterToken("1500000000000000001");
    const response = await fetch(
      `${localEndpoints(idp.url, "twitter").twitterMe}?user.fields=profile_image_url,location,description`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      data: {
        id: "1500000000000000001",
        name: "Ioana Marin",
        username: "ioana_marin",
        profile_image_url: `${idp.url}/twitter/picture/1500000000000000001.png`,
        location: "Cluj-Napoca",
        description: expect.any(String),
      },
    });
    expect(text).not.toMatch(/email|@/);
  });
});

describe("local identity provider: what it refuses", () => {
  it("refuses a wrong client secret at the token endpoint", async () => {
    const client = await oidcClient("google", { client_secret: "not-the-secret" });
    const { url, checks } = pkceUrl(client, "openid email");
    const browser = new Browser();
    const callback = await choose(browser, await openChooser(browser, url), "google-ioana");
    await expect(
      client.callback(redirectUriOf("google"), client.callbackParams(callback.href), {
        state: checks.state,
        nonce: checks.nonce,
        code_verifier: checks.verifier,
      }),
    ).rejects.toMatchObject({ error: "invalid_client" });
  });

  it("refuses a secret derived for another shop's client", async () => {
    const client = await oidcClient("google", {
      client_secret: localClientSecret(clientIdOf("google", "micro-image"), SECRET),
    });
    const { url, checks } = pkceUrl(client, "openid");
    const browser = new Browser();
    const callback = await choose(browser, await openChooser(browser, url), "google-ioana");
    await expect(
      client.callback(redirectUriOf("google"), client.callbackParams(callback.href), {
        state: checks.state,
        nonce: checks.nonce,
        code_verifier: checks.verifier,
      }),
    ).rejects.toMatchObject({ error: "invalid_client" });
  });

  it("refuses an unregistered redirect_uri without redirecting to it", async () => {
    const client = await oidcClient("microsoft");
    for (const redirectUri of [
      `${ORIGIN}/api/auth/callback/evil`,
      `https://attacker.example/api/auth/callback/${clientIdOf("microsoft")}`,
      `${ORIGIN}/api/auth/callback/${clientIdOf("microsoft", "micro-image")}`,
    ]) {
      const { url } = pkceUrl(client, "openid", { redirect_uri: redirectUri });
      const response = await fetch(url, { redirect: "manual" });
      expect(response.status).toBe(400);
      expect(response.headers.get("location")).toBeNull();
      expect(await response.text()).toContain("redirect_uri");
    }
  });

  it("refuses an unknown client", async () => {
    const response = await fetch(
      `${localEndpoints(idp.url, "google").authorization}?client_id=nobody-google&response_type=code&scope=openid`,
      { redirect: "manual" },
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("invalid_client");
  });

  it("refuses a code redeemed with another redirect_uri than it was issued for", async () => {
    const client = await oidcClient("microsoft", {
      redirect_uris: [redirectUriOf("microsoft"), redirectUriOf("microsoft", OTHER_ORIGIN)],
    });
    const { url, checks } = pkceUrl(client, "openid", { redirect_uri: redirectUriOf("microsoft") });
    const browser = new Browser();
    const callback = await choose(browser, await openChooser(browser, url), "ms-ioana");
    await expect(
      client.callback(redirectUriOf("microsoft", OTHER_ORIGIN), client.callbackParams(callback.href), {
        state: checks.state,
        nonce: checks.nonce,
        code_verifier: checks.verifier,
      }),
    ).rejects.toMatchObject({ error: "invalid_grant" });
  });

  it("refuses a missing or wrong PKCE verifier", async () => {
    const client = await oidcClient("google");
    for (const verifier of [undefined, generators.codeVerifier()]) {
      const { url, checks } = pkceUrl(client, "openid");
      const browser = new Browser();
      const callback = await choose(browser, await openChooser(browser, url), "google-ioana");
      await expect(
        client.callback(redirectUriOf("google"), client.callbackParams(callback.href), {
          state: checks.state,
          nonce: checks.nonce,
          ...(verifier ? { code_verifier: verifier } : {}),
        }),
      ).rejects.toMatchObject({ error: "invalid_grant" });
    }
  });

  it("refuses a bad, missing or other provider's token at Facebook's and X's APIs", async () => {
    const facebookMe = `${localEndpoints(idp.url, "facebook").facebookMe}?fields=id,name`;
    const twitterMe = localEndpoints(idp.url, "twitter").twitterMe;
    const bad = await getJson(facebookMe, "not-a-token");
    expect(bad).toEqual({
      status: 401,
      body: { error: { message: expect.any(String), type: "OAuthException", code: 190 } },
    });
    expect((await getJson(facebookMe)).status).toBe(401);
    expect((await getJson(twitterMe, "not-a-token")).status).toBe(401);

    const facebook = await facebookToken("10200000000000002");
    const twitter = await twitterToken("1500000000000000001");
    expect((await getJson(facebookMe, facebook)).status).toBe(200);
    expect((await getJson(twitterMe, twitter)).status).toBe(200);
    expect((await getJson(facebookMe, twitter)).status).toBe(401);
    expect((await getJson(twitterMe, facebook)).status).toBe(401);
    expect((await getJson(`${localEndpoints(idp.url, "google").issuer}/userinfo`, facebook)).status).toBe(401);
  });

  it("sends the person back with access_denied when they cancel", async () => {
    const client = await oidcClient("google");
    const { url, checks } = pkceUrl(client, "openid email");
    const browser = new Browser();
    const chooser = await openChooser(browser, url);
    const { url: callback, response } = await browser.go(chooser.abort, {});
    expect(response).toBeUndefined();
    expect(callback.href.startsWith(`${redirectUriOf("google")}?`)).toBe(true);
    expect(callback.searchParams.get("error")).toBe("access_denied");
    expect(callback.searchParams.get("state")).toBe(checks.state);
    await expect(
      client.callback(redirectUriOf("google"), client.callbackParams(callback.href), {
        state: checks.state,
        nonce: checks.nonce,
        code_verifier: checks.verifier,
      }),
    ).rejects.toBeInstanceOf(errors.OPError);
  });

  it("refuses a replayed sign-in form", async () => {
    const client = await oidcClient("microsoft");
    const browser = new Browser();
    const chooser = await openChooser(browser, pkceUrl(client, "openid").url);
    await choose(browser, chooser, "ms-ioana");
    const { response } = await browser.go(chooser.login, { identity: "ms-demo" });
    expect(response?.status).toBe(400);
  });
});
