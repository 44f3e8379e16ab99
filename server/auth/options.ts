import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { globalPrivacyControlFrom, viewerFromRequest } from "@/graphql/context";
import { endAgentSession } from "../impersonation/sessions";
import { oauthProviders, type ProviderProfile, parseProviderId } from "../social/providers";
import { type ProviderSignInResult, signInWithProvider } from "../social/sign-in";
import { getShopProfile } from "../tenants";
import { signInAgent } from "./agent-sign-in";
import { requestMetaFrom } from "./request";
import { getAuthSecret } from "./secret";
import { revokeSession, SESSION_MAX_AGE_SECONDS, signInWithPassword } from "./sign-in";
import { ANONYMOUS, type Viewer } from "./viewer";

export const SESSION_COOKIE = "pc.session";
// The marketing choices ticked on the sign-up page before choosing a provider
// (app/[shop]/sign-up/provider-actions.ts): applied if the provider opens an account.
export const SIGN_UP_CHOICES_COOKIE = "pc.sign-up-choices";

// What the auth route knows of its request: the browser's session (who is linking) and
// its address, for provider sign-ins.
export type AuthRequest = {
  cookies: { get(name: string): { value: string } | undefined };
  headers: { get(name: string): string | null };
  pathname: string;
};

// Where a provider's answer sends the browser when it is refused: the sign-in page when
// signing in, the connected accounts page when linking.
export function providerRefusalUrl(result: Extract<ProviderSignInResult, { ok: false }>, isLinking: boolean): string {
  if (!result.shopHandle) return "/";
  const query = new URLSearchParams({
    error: result.reason,
    ...(result.provider ? { provider: result.provider } : {}),
  });
  if (result.reason === "AUTHENTICATE_AGAIN") {
    const next = `/${result.shopHandle}/account/privacy/connected-accounts?${query}`;
    return `/${result.shopHandle}/account/reauthenticate?${new URLSearchParams({ next, reason: "link" })}`;
  }
  return isLinking
    ? `/${result.shopHandle}/account/privacy/connected-accounts?${query}`
    : `/${result.shopHandle}/sign-in?${query}`;
}

type SignUpChoices = { channels: string[]; invitationToken: string | null };

function signUpChoices(request: AuthRequest | undefined, shop: string): SignUpChoices {
  const none = { channels: [], invitationToken: null };
  const raw = request?.cookies.get(SIGN_UP_CHOICES_COOKIE)?.value;
  if (!raw) return none;
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (!parsed || typeof parsed !== "object") return none;
    const {
      shop: forShop,
      channels,
      invitation,
    } = parsed as { shop?: unknown; channels?: unknown; invitation?: unknown };
    if (forShop !== shop) return none;
    return {
      channels: Array.isArray(channels) ? channels.filter((c): c is string => typeof c === "string") : [],
      invitationToken: typeof invitation === "string" ? invitation : null,
    };
  } catch {
    return none;
  }
}

function shopOfStart(request: AuthRequest | undefined): string | undefined {
  const value =
    request?.cookies.get("next-auth.callback-url")?.value ??
    request?.cookies.get("__Secure-next-auth.callback-url")?.value;
  if (!value) return undefined;
  try {
    const handle = new URL(value, "http://localhost").pathname.split("/")[1];
    return handle && getShopProfile(handle) ? handle : undefined;
  } catch {
    return undefined;
  }
}

type ProviderUser = { id: string; mapped?: ProviderProfile; sessionId?: string; customerId?: string; shop?: string };

const isSecure = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");

// next-auth 4 with two credentials providers (customers, support staff): the JWT cookie carries only the id of a
// Session (or AgentSession) row; server/auth/viewer.ts checks that row on every request.
export function getAuthOptions(request?: AuthRequest): AuthOptions {
  // A provider's callback for "<shop>-<provider>" comes back to that shop's pages.
  const callbackShop = request?.pathname.match(/\/api\/auth\/(?:callback|signin)\/([^/]+)$/)?.[1];
  // next-auth's own error page (/api/auth/error) knows no provider: the shop comes from
  // the page the sign-in started on (its callback-url cookie).
  const shopOfCallback = (callbackShop ? parseProviderId(callbackShop)?.shop : undefined) ?? shopOfStart(request);
  let currentViewer: Promise<Viewer> | null = null;
  const current = () => {
    currentViewer ??= request
      ? viewerFromRequest(request.cookies, request.headers).catch(() => ANONYMOUS)
      : Promise.resolve(ANONYMOUS);
    return currentViewer;
  };
  return {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    cookies: {
      sessionToken: {
        name: isSecure ? `__Secure-${SESSION_COOKIE}` : SESSION_COOKIE,
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: isSecure },
      },
    },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: {
          shop: { label: "Shop", type: "text" },
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, req) {
          const result = await signInWithPassword(credentials, requestMetaFrom(req?.headers));
          if (!result.ok) {
            // next-auth turns a thrown error into ?error=<message> for the form.
            if (result.reason === "RATE_LIMITED") throw new Error("RATE_LIMITED");
            return null;
          }
          return { id: result.customerId, sessionId: result.sessionId, shop: result.shopHandle, kind: "customer" };
        },
      }),
      // Support staff: their own accounts and sessions (server/auth/agent-sign-in.ts).
      CredentialsProvider({
        id: "agent",
        name: "Support staff",
        credentials: {
          shop: { label: "Shop", type: "text" },
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, req) {
          const result = await signInAgent(credentials, requestMetaFrom(req?.headers));
          if (!result.ok) {
            if (result.reason === "RATE_LIMITED") throw new Error("RATE_LIMITED");
            return null;
          }
          return { id: result.agentId, sessionId: result.sessionId, shop: result.shopHandle, kind: "agent" };
        },
      }),
      // Social sign-in: every provider the shops enable that this installation has
      // credentials for (server/social/providers.ts).
      ...oauthProviders(),
    ],
    callbacks: {
      // A provider's answer: sign in, open an account, link or confirm
      // (server/social/sign-in.ts). A refusal sends the browser to a page that says why.
      async signIn({ user, account }) {
        if (account?.type !== "oauth") return true;
        const u = user as unknown as ProviderUser;
        if (!u.mapped) return "/";
        const viewer = await current();
        const parsed = parseProviderId(account.provider);
        const isLinking = viewer.kind === "customer" && viewer.shop.handle === parsed?.shop;
        const choices = parsed ? signUpChoices(request, parsed.shop) : null;
        const result = await signInWithProvider({
          providerId: account.provider,
          profile: u.mapped,
          scope: typeof account.scope === "string" ? account.scope : null,
          current: viewer,
          client: requestMetaFrom(request?.headers),
          signUpMarketingChannels: choices?.channels ?? [],
          invitationToken: choices?.invitationToken ?? null,
          globalPrivacyControl: request ? globalPrivacyControlFrom(request.headers) : false,
        });
        if (!result.ok) return providerRefusalUrl(result, isLinking);
        // Carried to the jwt callback below on the same object (next-auth without an
        // adapter hands the profile on as the user).
        u.sessionId = result.sessionId;
        u.customerId = result.customerId;
        u.shop = result.shopHandle;
        return true;
      },
      async jwt({ token, user, account }) {
        if (user) {
          const u = user as unknown as { sessionId: string; shop: string; kind: "customer" | "agent" };
          token.sid = u.sessionId;
          token.shop = u.shop;
          // Which kind of session `sid` names (server/auth/viewer.ts).
          token.kind = account?.type === "oauth" ? "customer" : u.kind;
          // The customer, never the provider's id for them.
          if (account?.type === "oauth") token.sub = (user as unknown as ProviderUser).customerId;
          // The customer id stays out of the cookie's readable claims beyond `sub`.
          delete token.email;
          delete token.name;
          delete token.picture;
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, user: undefined, shop: token.shop, expires: session.expires };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid !== "string") return;
        if (token.kind === "agent") await endAgentSession({ sessionId: token.sid });
        else await revokeSession({ sessionId: token.sid });
      },
    },
    // A provider's failed callback (cancelled, state or PKCE refused) lands on its
    // shop's sign-in page, which says so.
    pages: shopOfCallback
      ? { signIn: `/${shopOfCallback}/sign-in`, error: `/${shopOfCallback}/sign-in` }
      : { signIn: "/", error: "/" },
    logger: {
      // next-auth's default logger prints request details; keep only the code.
      error(code) {
        process.stderr.write(`${JSON.stringify({ level: "error", event: "next-auth", code })}\n`);
      },
      warn() {},
      debug() {},
    },
  };
}
