import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "@/graphql/global-id";
import { type CustomerViewer, resolveSessionViewer } from "@/server/auth/viewer";
import { getPrisma } from "@/server/db";
import { confirmAccountDeletion, requestAccountDeletion, runErasure } from "@/server/erasure";
import { agentViewer, createCustomer, impersonating, TEST_PASSWORD, uniqueEmail } from "../factories";
import { partnerKey } from "../factories/partner";
import { deletionToken } from "../support/erasure-fixtures";
import { findIdentifiers } from "../support/erasure-search";
import { gql } from "../support/graphql";
import {
  APP_ORIGIN,
  follow,
  providerSignIn,
  startTestIdentityProvider,
  TestBrowser,
  uniqueIdentity,
} from "../support/oauth";

// Social sign-in end to end against the local identity provider over HTTP: next-auth's
// handler with the app's options, the provider's real authorization, token and profile
// endpoints, the state, PKCE and nonce checks.

let idp: Awaited<ReturnType<typeof startTestIdentityProvider>>;
beforeAll(async () => {
  idp = await startTestIdentityProvider();
});
afterAll(async () => {
  await idp?.close();
});

const prisma = () => getPrisma();
// biome-ignore lint/suspicious/noExplicitAny: a GraphQL answer's shape is what the assertions check.
type Answer = any;
const answer = (result: { data?: unknown }): Answer => result.data;
// next-auth's own failures (state, PKCE, nonce, a cancelled sign-in) end on the shop's
// sign-in page with its error code, never signed in.
function expectSignInError(redirect: string, shop: string) {
  const url = new URL(redirect, APP_ORIGIN);
  expect(url.pathname).toBe(`/${shop}/sign-in`);
  expect(url.searchParams.get("error")).toMatch(/^(OAuthCallback|Callback|OAuthSignin|AccessDenied)$/);
}

const path = (redirect: string) => redirect.replace(process.env.NEXTAUTH_URL ?? APP_ORIGIN, "");

async function customerOf(browser: TestBrowser): Promise<CustomerViewer> {
  const viewer = await browser.viewer();
  if (viewer.kind !== "customer") throw new Error(`not signed in: ${viewer.kind}`);
  return viewer;
}

// Signs in with email and password through next-auth's credentials provider.
async function passwordSignIn(browser: TestBrowser, shop: string, email: string) {
  const csrf = await browser.auth("csrf");
  await browser.auth("callback", {
    method: "POST",
    providerId: "credentials",
    body: {
      csrfToken: (csrf.body as { csrfToken: string }).csrfToken,
      shop,
      email,
      password: TEST_PASSWORD,
      json: "true",
    },
  });
  return customerOf(browser);
}

async function signUpWith(provider: "facebook" | "microsoft" | "google", shop = "almaz") {
  const identity = uniqueIdentity(provider);
  idp.addIdentity(provider, identity);
  const browser = new TestBrowser();
  const done = await providerSignIn(browser, { providerId: `${shop}-${provider}`, identity: identity.id });
  return { browser, identity, done, viewer: await customerOf(browser) };
}

const CONNECTED = `query { viewer { customer { connectedAccounts {
  hasPassword canLinkUntil
  accounts { provider isLinked linkedAt lastUsedAt unlinkedAt unlinkBlockedReason providedData { field label value } }
  purposes { key } retention { key }
} } } }`;

const UNLINK = `mutation($input: ConnectedAccountUnlinkInput!) { connectedAccountUnlink(input: $input) {
  connectedAccount { provider isLinked unlinkedAt providedData { field } } userErrors { field code message } } }`;

describe("first sign-in with a provider", () => {
  it("opens an account with what the provider gave, signs it in, and stores no token", async () => {
    const { browser, identity, done, viewer } = await signUpWith("facebook");
    expect(path(done.redirect)).toBe("/almaz/account/privacy");
    const customer = await prisma().customer.findUniqueOrThrow({ where: { id: viewer.customerId } });
    expect(customer).toMatchObject({ email: identity.email, passwordHash: null, firstName: "Ana", lastName: "Test" });
    const accounts = await prisma().account.findMany({ where: { customerId: customer.id } });
    expect(accounts).toEqual([
      expect.objectContaining({ provider: "facebook", providerAccountId: identity.id, unlinkedAt: null }),
    ]);
    // Facebook's own field names, as its Graph API gives them.
    expect(accounts[0].profile).toMatchObject({ id: identity.id, name: "Ana Test", email: identity.email });
    // The provider's access tokens are nowhere in the database (nothing calls it later).
    const tokens = idp.issuedAccessTokens();
    expect(tokens.length).toBeGreaterThan(0);
    expect(await findIdentifiers(tokens)).toEqual([]);
    // The cookie names the customer and the session, never the provider's id.
    expect(browser.sessionClaims()).toMatchObject({ sub: customer.id, sid: viewer.sessionId, kind: "customer" });
    const signIns = await prisma().signInEvent.findMany({ where: { customerId: customer.id } });
    expect(signIns).toEqual([expect.objectContaining({ method: "facebook", isSuccessful: true })]);
    const audit = await prisma().auditEvent.findMany({ where: { customerId: customer.id, action: "social.link" } });
    expect(audit).toHaveLength(1);
  });

  it("signs the same identity in to the same account the next time", async () => {
    const { identity, viewer } = await signUpWith("google", "micro-image");
    const again = new TestBrowser();
    await providerSignIn(again, { providerId: "micro-image-google", identity: identity.id });
    const second = await customerOf(again);
    expect(second.customerId).toBe(viewer.customerId);
    expect(second.sessionId).not.toBe(viewer.sessionId);
    expect(await prisma().customer.count({ where: { email: identity.email ?? "" } })).toBe(1);
    const account = await prisma().account.findFirstOrThrow({ where: { customerId: viewer.customerId } });
    expect(account.lastUsedAt?.getTime()).toBeGreaterThanOrEqual(account.linkedAt.getTime());
  });

  it("never attaches itself to an existing account by its email", async () => {
    const existing = await createCustomer({ shop: "almaz" });
    const identity = uniqueIdentity("facebook", { email: existing.email.toUpperCase() });
    idp.addIdentity("facebook", identity);
    const browser = new TestBrowser();
    const done = await providerSignIn(browser, { providerId: "almaz-facebook", identity: identity.id });
    expect(path(done.redirect)).toBe("/almaz/sign-in?error=EMAIL_IN_USE&provider=facebook");
    expect((await browser.viewer()).kind).toBe("anonymous");
    expect(await prisma().account.count({ where: { providerAccountId: identity.id } })).toBe(0);
    expect(await prisma().account.count({ where: { customerId: existing.id } })).toBe(0);
  });

  it("refuses an account without an email (X never gives one) and says so", async () => {
    const identity = uniqueIdentity("twitter");
    idp.addIdentity("twitter", identity);
    const browser = new TestBrowser();
    const done = await providerSignIn(browser, { providerId: "almaz-twitter", identity: identity.id });
    expect(path(done.redirect)).toBe("/almaz/sign-in?error=NO_EMAIL&provider=twitter");
    expect(await prisma().account.count({ where: { providerAccountId: identity.id } })).toBe(0);
  });

  it("applies the marketing choices ticked on the sign-up page", async () => {
    const identity = uniqueIdentity("facebook");
    idp.addIdentity("facebook", identity);
    const browser = new TestBrowser();
    browser.app.set("pc.sign-up-choices", JSON.stringify({ shop: "almaz", channels: ["email"] }));
    await providerSignIn(browser, { providerId: "almaz-facebook", identity: identity.id });
    const viewer = await customerOf(browser);
    const records = await prisma().consentRecord.findMany({ where: { customerId: viewer.customerId } });
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => r.purposeKey.startsWith("marketing:email:") && r.source === "SIGN_UP")).toBe(true);
  });

  it("is refused for a provider the shop does not offer", async () => {
    const identity = uniqueIdentity("facebook");
    idp.addIdentity("facebook", identity);
    const browser = new TestBrowser();
    // Crystalline offers no social sign-in: next-auth has no such provider at all.
    const csrf = await browser.auth("csrf");
    const start = await browser.auth("signin", {
      method: "POST",
      providerId: "crystalline-facebook",
      body: { csrfToken: (csrf.body as { csrfToken: string }).csrfToken },
    });
    expect(start.redirect ?? "").not.toContain(idp.url);
  });
});

describe("the protocol's checks", () => {
  async function attempt(tamper: (callback: URL, browser: TestBrowser) => void, provider = "microsoft" as const) {
    const identity = uniqueIdentity(provider);
    idp.addIdentity(provider, identity);
    const browser = new TestBrowser();
    const done = await providerSignIn(browser, { providerId: `almaz-${provider}`, identity: identity.id, tamper });
    return { done, browser, identity };
  }

  async function expectRefused({ done, browser, identity }: Awaited<ReturnType<typeof attempt>>) {
    expectSignInError(done.redirect, "almaz");
    expect((await browser.viewer()).kind).toBe("anonymous");
    expect(await prisma().account.count({ where: { providerAccountId: identity.id } })).toBe(0);
  }

  it("refuses a changed state", async () => {
    await expectRefused(await attempt((callback) => callback.searchParams.set("state", "forged-state-value")));
  });

  it("refuses a missing state cookie (a callback started in another browser)", async () => {
    await expectRefused(await attempt((_callback, browser) => browser.app.delete("next-auth.state")));
  });

  it("refuses a changed PKCE verifier", async () => {
    await expectRefused(
      await attempt((_callback, browser) => {
        const name = "next-auth.pkce.code_verifier";
        const value = browser.app.get(name);
        if (!value) throw new Error("no PKCE cookie");
        // A verifier of another flow: next-auth's own signed cookie from a second start.
        browser.app.set(name, `${value.slice(0, -4)}AAAA`);
      }),
    );
  });

  it("refuses a changed nonce", async () => {
    await expectRefused(
      await attempt((_callback, browser) => {
        const value = browser.app.get("next-auth.nonce");
        if (!value) throw new Error("no nonce cookie");
        browser.app.set("next-auth.nonce", `${value.slice(0, -4)}AAAA`);
      }),
    );
  });

  it("refuses a code used twice", async () => {
    const identity = uniqueIdentity("google");
    idp.addIdentity("google", identity);
    let code = "";
    let state = "";
    const first = new TestBrowser();
    await providerSignIn(first, {
      providerId: "micro-image-google",
      identity: identity.id,
      tamper: (callback) => {
        code = callback.searchParams.get("code") ?? "";
        state = callback.searchParams.get("state") ?? "";
      },
    });
    expect((await first.viewer()).kind).toBe("customer");
    // The same answer replayed (with the first browser's cookies) opens nothing new.
    const sessions = await prisma().session.count();
    const replay = await first.auth("callback", { providerId: "micro-image-google", query: { code, state } });
    expectSignInError(await follow(first, replay.redirect ?? ""), "micro-image");
    expect(await prisma().session.count()).toBe(sessions);
  });

  it("sends a cancelled sign-in back to the shop's sign-in page", async () => {
    const identity = uniqueIdentity("facebook");
    idp.addIdentity("facebook", identity);
    const browser = new TestBrowser();
    const done = await providerSignIn(browser, { providerId: "almaz-facebook", identity: identity.id, cancel: true });
    expectSignInError(done.redirect, "almaz");
    expect((await browser.viewer()).kind).toBe("anonymous");
  });
});

describe("linking while signed in", () => {
  it("links a provider after the password was entered recently, in the same session", async () => {
    const customer = await createCustomer({ shop: "almaz" });
    const browser = new TestBrowser();
    const before = await passwordSignIn(browser, "almaz", customer.email);
    const identity = uniqueIdentity("microsoft", { email: uniqueEmail("other") });
    idp.addIdentity("microsoft", identity);
    const done = await providerSignIn(browser, {
      providerId: "almaz-microsoft",
      identity: identity.id,
      callbackUrl: `${APP_ORIGIN}/almaz/account/privacy/connected-accounts?linked=microsoft`,
    });
    expect(path(done.redirect)).toBe("/almaz/account/privacy/connected-accounts?linked=microsoft");
    const after = await customerOf(browser);
    expect(after).toMatchObject({ customerId: customer.id, sessionId: before.sessionId });
    const accounts = await prisma().account.findMany({ where: { customerId: customer.id } });
    expect(accounts).toEqual([expect.objectContaining({ provider: "microsoft", providerAccountId: identity.id })]);
    // The provider's email did not replace the account's.
    expect((await prisma().customer.findUniqueOrThrow({ where: { id: customer.id } })).email).toBe(customer.email);
    const { data } = await gql(CONNECTED, {}, after);
    const linked = answer({ data }).viewer.customer.connectedAccounts.accounts.find(
      (a: Answer) => a.provider === "MICROSOFT",
    );
    expect(linked).toMatchObject({ isLinked: true, unlinkBlockedReason: null });
    expect(linked.providedData).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: "email", value: identity.email })]),
    );
  });

  it("links X, which gives no email, with what its API gives (X's own field names)", async () => {
    const customer = await createCustomer({ shop: "almaz" });
    const browser = new TestBrowser();
    const viewer = await passwordSignIn(browser, "almaz", customer.email);
    const identity = uniqueIdentity("twitter", { name: "Ana Test", username: "ana_test" } as never);
    idp.addIdentity("twitter", identity);
    await providerSignIn(browser, { providerId: "almaz-twitter", identity: identity.id });
    const account = await prisma().account.findFirstOrThrow({
      where: { customerId: customer.id, provider: "twitter" },
    });
    expect(account.providerAccountId).toBe(identity.id);
    expect(account.profile).toMatchObject({ id: identity.id, name: "Ana Test", username: "ana_test" });
    expect(JSON.stringify(account.profile)).not.toContain("@");
    const { data } = await gql(CONNECTED, {}, viewer);
    const x = answer({ data }).viewer.customer.connectedAccounts.accounts.find((a: Answer) => a.provider === "TWITTER");
    expect(x.providedData).toEqual(
      expect.arrayContaining([{ field: "username", label: "Username", value: "ana_test" }]),
    );
  });

  it("asks for the password again when it was not entered in the last 10 minutes", async () => {
    const customer = await createCustomer({ shop: "almaz" });
    const browser = new TestBrowser();
    const viewer = await passwordSignIn(browser, "almaz", customer.email);
    await prisma().session.update({
      where: { id: viewer.sessionId },
      data: { authenticatedAt: new Date(Date.now() - 11 * 60_000) },
    });
    const identity = uniqueIdentity("facebook");
    idp.addIdentity("facebook", identity);
    const done = await providerSignIn(browser, { providerId: "almaz-facebook", identity: identity.id });
    const url = new URL(done.redirect, APP_ORIGIN);
    expect(url.pathname).toBe("/almaz/account/reauthenticate");
    expect(url.searchParams.get("reason")).toBe("link");
    expect(url.searchParams.get("next")).toBe(
      "/almaz/account/privacy/connected-accounts?error=AUTHENTICATE_AGAIN&provider=facebook",
    );
    expect(await prisma().account.count({ where: { customerId: customer.id } })).toBe(0);
    // Still signed in, in the same session.
    expect((await customerOf(browser)).sessionId).toBe(viewer.sessionId);
  });

  it("refuses an identity already linked to another customer", async () => {
    const owner = await signUpWith("facebook");
    const other = await createCustomer({ shop: "almaz" });
    const browser = new TestBrowser();
    await passwordSignIn(browser, "almaz", other.email);
    const done = await providerSignIn(browser, { providerId: "almaz-facebook", identity: owner.identity.id });
    expect(path(done.redirect)).toBe(
      "/almaz/account/privacy/connected-accounts?error=LINKED_TO_ANOTHER_ACCOUNT&provider=facebook",
    );
    expect(await prisma().account.count({ where: { customerId: other.id } })).toBe(0);
    const kept = await prisma().account.findFirstOrThrow({ where: { providerAccountId: owner.identity.id } });
    expect(kept.customerId).toBe(owner.viewer.customerId);
  });

  it("counts signing in with an already linked provider as entering the password again", async () => {
    const { browser, identity, viewer } = await signUpWith("facebook");
    const past = new Date(Date.now() - 60 * 60_000);
    await prisma().session.update({ where: { id: viewer.sessionId }, data: { authenticatedAt: past } });
    await providerSignIn(browser, { providerId: "almaz-facebook", identity: identity.id });
    const session = await prisma().session.findUniqueOrThrow({ where: { id: viewer.sessionId } });
    expect(session.authenticatedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(await prisma().account.count({ where: { customerId: viewer.customerId } })).toBe(1);
  });

  it("refuses a support agent's browser", async () => {
    const { viewer: owner } = await signUpWith("facebook");
    const agent = await impersonating(await agentViewer({ shop: "almaz" }), owner.customerId);
    const identity = uniqueIdentity("microsoft");
    idp.addIdentity("microsoft", identity);
    const { signInWithProvider } = await import("@/server/social/sign-in");
    const result = await signInWithProvider({
      providerId: "almaz-microsoft",
      profile: { id: identity.id, email: identity.email, name: "X", firstName: "X", lastName: "Y", details: {} },
      scope: null,
      current: agent,
      client: agent.request,
    });
    expect(result).toMatchObject({ ok: false, reason: "NOT_FOR_SUPPORT_STAFF" });
    expect(await prisma().account.count({ where: { providerAccountId: identity.id } })).toBe(0);
    // The attempt is in the support session's record, which the customer sees.
    const refused = await prisma().auditEvent.findMany({
      where: { customerId: owner.customerId, action: "impersonation.refused" },
    });
    expect(refused.map((e) => e.details)).toEqual([expect.objectContaining({ attempted: "social.link" })]);
  });
});

describe("unlinking", () => {
  it("is refused for the last way to sign in, and allowed once a password is set", async () => {
    const { viewer } = await signUpWith("facebook");
    const refused = await gql(UNLINK, { input: { provider: "FACEBOOK", eraseProvidedData: true } }, viewer);
    expect(answer(refused).connectedAccountUnlink.userErrors).toEqual([
      expect.objectContaining({ code: "CONFLICT", field: ["input", "provider"] }),
    ]);
    expect(await prisma().account.count({ where: { customerId: viewer.customerId } })).toBe(1);
    const { data } = await gql(CONNECTED, {}, viewer);
    expect(answer({ data }).viewer.customer.connectedAccounts.accounts[0].unlinkBlockedReason).toMatch(/only way/);

    const set = await gql(
      `mutation($input: CustomerPasswordSetInput!) { customerPasswordSet(input: $input) { customer { id } userErrors { code message } } }`,
      { input: { password: "a-new-password-1" } },
      viewer,
    );
    expect(answer(set).customerPasswordSet.userErrors).toEqual([]);
    const again = await gql(UNLINK, { input: { provider: "FACEBOOK", eraseProvidedData: true } }, viewer);
    expect(answer(again).connectedAccountUnlink).toMatchObject({
      userErrors: [],
      connectedAccount: { isLinked: false, unlinkedAt: null, providedData: [] },
    });
    const audit = await prisma().auditEvent.findMany({
      where: { customerId: viewer.customerId, action: { in: ["password.set", "social.unlink", "social.erase"] } },
      orderBy: { sequence: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["password.set", "social.unlink", "social.erase"]);
  });

  it("with erase removes exactly that provider's data, anywhere in the database", async () => {
    const customer = await createCustomer({ shop: "almaz" });
    const browser = new TestBrowser();
    await passwordSignIn(browser, "almaz", customer.email);
    const marker = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}`;
    const facebook = uniqueIdentity("facebook", { name: marker("Fbname"), hometown: marker("Fbtown") } as never);
    const microsoft = uniqueIdentity("microsoft", { name: marker("Msname") });
    idp.addIdentity("facebook", facebook);
    idp.addIdentity("microsoft", microsoft);
    await providerSignIn(browser, { providerId: "almaz-facebook", identity: facebook.id });
    await providerSignIn(browser, { providerId: "almaz-microsoft", identity: microsoft.id });
    const viewer = await customerOf(browser);
    const fbValues = [facebook.id, facebook.name, facebook.email ?? ""];
    expect((await findIdentifiers(fbValues)).length).toBeGreaterThan(0);

    const result = await gql(UNLINK, { input: { provider: "FACEBOOK", eraseProvidedData: true } }, viewer);
    expect(answer(result).connectedAccountUnlink.userErrors).toEqual([]);
    expect(await findIdentifiers(fbValues)).toEqual([]);
    // Microsoft's stays, untouched.
    const hits = await findIdentifiers([microsoft.id, microsoft.name]);
    expect(hits.map((h) => h.table)).toEqual(["Account"]);
    // The access log says what happened, in order.
    const log = await gql(
      `query { viewer { customer { accessLog(first: 10) { edges { node { kind action subject } } } } } }`,
      {},
      viewer,
    );
    const entries = answer(log).viewer.customer.accessLog.edges.map((e: Answer) => e.node);
    expect(
      entries.filter((e: Answer) => e.kind === "SIGN_IN_METHOD").map((e: Answer) => `${e.action} ${e.subject}`),
    ).toEqual(["social.erase facebook", "social.unlink facebook", "social.link microsoft", "social.link facebook"]);
  });

  it("without erase keeps what it gave (marked unlinked), refuses it for sign-in, and erases it later", async () => {
    const customer = await createCustomer({ shop: "almaz" });
    const browser = new TestBrowser();
    await passwordSignIn(browser, "almaz", customer.email);
    const identity = uniqueIdentity("facebook");
    idp.addIdentity("facebook", identity);
    await providerSignIn(browser, { providerId: "almaz-facebook", identity: identity.id });
    const viewer = await customerOf(browser);
    const kept = await gql(UNLINK, { input: { provider: "FACEBOOK", eraseProvidedData: false } }, viewer);
    const account = answer(kept).connectedAccountUnlink.connectedAccount;
    expect(account.isLinked).toBe(false);
    expect(account.unlinkedAt).not.toBeNull();
    expect(account.providedData.length).toBeGreaterThan(0);

    const elsewhere = new TestBrowser();
    const done = await providerSignIn(elsewhere, { providerId: "almaz-facebook", identity: identity.id });
    expect(path(done.redirect)).toBe("/almaz/sign-in?error=UNLINKED&provider=facebook");
    expect((await elsewhere.viewer()).kind).toBe("anonymous");

    const erased = await gql(
      `mutation { connectedAccountEraseProvidedData(input: { provider: FACEBOOK }) { connectedAccount { unlinkedAt providedData { field } } userErrors { code } } }`,
      {},
      viewer,
    );
    expect(answer(erased).connectedAccountEraseProvidedData).toEqual({
      connectedAccount: { unlinkedAt: null, providedData: [] },
      userErrors: [],
    });
    expect(await findIdentifiers([identity.id])).toEqual([]);
  });

  it("is refused to a support agent in the customer's account, with nothing changed", async () => {
    const { viewer } = await signUpWith("facebook");
    await prisma().customer.update({ where: { id: viewer.customerId }, data: { passwordHash: "x" } });
    const agent = await impersonating(await agentViewer({ shop: "almaz" }), viewer.customerId);
    const result = await gql(UNLINK, { input: { provider: "FACEBOOK", eraseProvidedData: true } }, agent);
    expect(answer(result).connectedAccountUnlink.userErrors).toEqual([expect.objectContaining({ code: "FORBIDDEN" })]);
    expect(await prisma().account.count({ where: { customerId: viewer.customerId, unlinkedAt: null } })).toBe(1);
  });
});

describe("who may read a customer's connected accounts", () => {
  it("is the customer, or an agent in a support session; never an API key, another customer or shop", async () => {
    const { viewer } = await signUpWith("facebook");
    const id = toGlobalId("Customer", viewer.customerId);
    const READ = `query($id: ID!) { customer(id: $id) { connectedAccounts { accounts { provider providedData { value } } } } }`;
    const own = await gql(
      `query { viewer { customer { connectedAccounts { accounts { provider isLinked } } } } }`,
      {},
      viewer,
    );
    expect(answer(own).viewer.customer.connectedAccounts.accounts).toEqual(
      expect.arrayContaining([{ provider: "FACEBOOK", isLinked: true }]),
    );
    const { viewer: partner } = await partnerKey({ shop: "almaz" });
    const byKey = await gql(READ, { id }, partner);
    expect(byKey.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
    expect(JSON.stringify(byKey.data ?? {})).not.toContain("FACEBOOK");
    const { viewer: otherShop } = await partnerKey({ shop: "micro-image" });
    const elsewhere = await gql(READ, { id }, otherShop);
    expect(JSON.stringify(elsewhere.data ?? {})).not.toContain("FACEBOOK");
    const agent = await impersonating(await agentViewer({ shop: "almaz" }), viewer.customerId);
    const bySupport = await gql(
      `query { viewer { customer { connectedAccounts { accounts { provider isLinked } } } } }`,
      {},
      agent,
    );
    expect(answer(bySupport).viewer.customer.connectedAccounts.accounts).toEqual(
      expect.arrayContaining([{ provider: "FACEBOOK", isLinked: true }]),
    );
  });
});

describe("a first password", () => {
  it("needs a recent sign-in with the provider, and is refused once a password exists", async () => {
    const { viewer } = await signUpWith("facebook");
    const SET = `mutation($input: CustomerPasswordSetInput!) { customerPasswordSet(input: $input) { userErrors { field code message } } }`;
    const short = await gql(SET, { input: { password: "short" } }, viewer);
    expect(answer(short).customerPasswordSet.userErrors).toEqual([
      expect.objectContaining({ field: ["input", "password"], code: "INVALID_INPUT" }),
    ]);
    await prisma().session.update({
      where: { id: viewer.sessionId },
      data: { authenticatedAt: new Date(Date.now() - 11 * 60_000) },
    });
    const stale = await resolveSessionViewer(viewer.sessionId);
    const late = await gql(SET, { input: { password: "a-long-password" } }, stale);
    expect(answer(late).customerPasswordSet.userErrors).toEqual([expect.objectContaining({ code: "FORBIDDEN" })]);
    expect((await prisma().customer.findUniqueOrThrow({ where: { id: viewer.customerId } })).passwordHash).toBeNull();
    await prisma().session.update({ where: { id: viewer.sessionId }, data: { authenticatedAt: new Date() } });
    const fresh = await resolveSessionViewer(viewer.sessionId);
    expect((await gql(SET, { input: { password: "a-long-password" } }, fresh)).data).toEqual({
      customerPasswordSet: { userErrors: [] },
    });
    const twice = await gql(SET, { input: { password: "another-long-password" } }, fresh);
    expect(answer(twice).customerPasswordSet.userErrors).toEqual([expect.objectContaining({ code: "CONFLICT" })]);
  });
});

describe("an account without a password", () => {
  it("changes its email or asks for deletion only after a recent sign-in with its provider", async () => {
    const { viewer } = await signUpWith("facebook");
    await prisma().session.update({
      where: { id: viewer.sessionId },
      data: { authenticatedAt: new Date(Date.now() - 11 * 60_000) },
    });
    const old = await resolveSessionViewer(viewer.sessionId);
    const EMAIL = `mutation($input: CustomerEmailChangeRequestInput!) { customerEmailChangeRequest(input: $input) { pendingEmail userErrors { field code message } } }`;
    const input = { newEmail: uniqueEmail("moved"), password: "" };
    const late = await gql(EMAIL, { input }, old);
    expect(answer(late).customerEmailChangeRequest.userErrors).toEqual([
      expect.objectContaining({ field: ["input", "password"], code: "FORBIDDEN" }),
    ]);
    await expect(requestAccountDeletion({ viewer: old, input: { confirmation: "DELETE" } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await prisma().deletionRequest.count({ where: { customerId: viewer.customerId } })).toBe(0);

    await prisma().session.update({ where: { id: viewer.sessionId }, data: { authenticatedAt: new Date() } });
    const fresh = await resolveSessionViewer(viewer.sessionId);
    const done = await gql(EMAIL, { input }, fresh);
    expect(answer(done).customerEmailChangeRequest).toEqual({ pendingEmail: input.newEmail, userErrors: [] });
  });
});

describe("erasure", () => {
  it("removes the links and what they gave; the same identity then opens a fresh account", async () => {
    const { identity, viewer } = await signUpWith("facebook");
    // An account without a password is deleted after a recent sign-in with its provider.
    const request = await requestAccountDeletion({ viewer, input: { confirmation: "DELETE" } });
    await confirmAccountDeletion({ viewer, input: { token: await deletionToken(viewer.customerId) } });
    await prisma().deletionRequest.update({ where: { id: request.id }, data: { scheduledFor: new Date() } });
    expect(await runErasure({ requestId: request.id })).toBe("erased");
    expect(await findIdentifiers([identity.id])).toEqual([]);

    const again = new TestBrowser();
    await providerSignIn(again, { providerId: "almaz-facebook", identity: identity.id });
    const second = await customerOf(again);
    expect(second.customerId).not.toBe(viewer.customerId);
  });
});
