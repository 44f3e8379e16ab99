import "server-only";
import AzureADProvider from "next-auth/providers/azure-ad";
import FacebookProvider from "next-auth/providers/facebook";
import GoogleProvider from "next-auth/providers/google";
import type { OAuthConfig } from "next-auth/providers/oauth";
import TwitterProvider from "next-auth/providers/twitter";
import { listShopProfiles } from "../tenants";
import { SOCIAL_PROVIDERS } from "../tenants/profile-schema";
import { localClientId, localClientSecret, localEndpoints } from "./local-idp";

// The social sign-in providers of every shop, as next-auth 4 OAuth providers: one per
// shop and provider (each shop registers its own app with each provider), with the id
// `<shop>-<provider>`, so its callback is /api/auth/callback/<shop>-<provider>.
//
// Credentials come from the environment:
//   OAUTH_<SHOP>_<PROVIDER>_CLIENT_ID / _CLIENT_SECRET   e.g. OAUTH_ALMAZ_FACEBOOK_CLIENT_ID
//   OAUTH_<SHOP>_MICROSOFT_TENANT                         (optional; "common" by default)
// and where a pair is missing but LOCAL_IDP_URL and LOCAL_IDP_SECRET are set (demo mode,
// tests), from the local identity provider (server/dev/identity-provider), which serves
// the same protocol and each provider's own profile shape.

export type SocialProvider = (typeof SOCIAL_PROVIDERS)[number];

export const PROVIDER_NAMES: Record<SocialProvider, string> = {
  facebook: "Facebook",
  twitter: "X (Twitter)",
  microsoft: "Microsoft",
  google: "Google",
};

export const isSocialProvider = (value: unknown): value is SocialProvider =>
  typeof value === "string" && (SOCIAL_PROVIDERS as readonly string[]).includes(value);

// What each provider's profile mapping gives the sign-in logic. `details` is what the
// provider gave us, kept as its own field names (the connected accounts page and My data
// show it), without protocol fields (issuer, audience, nonce, token hashes).
export type ProviderProfile = {
  id: string;
  email: string | null;
  name: string | null;
  firstName: string | null;
  lastName: string | null;
  details: Record<string, unknown>;
};

export const providerIdFor = (shop: string, provider: SocialProvider) => localClientId(shop, provider);

// "micro-image-google" → { shop: "micro-image", provider: "google" } (handles may hold "-").
export function parseProviderId(id: string): { shop: string; provider: SocialProvider } | null {
  const cut = id.lastIndexOf("-");
  if (cut <= 0) return null;
  const provider = id.slice(cut + 1);
  return isSocialProvider(provider) ? { shop: id.slice(0, cut), provider } : null;
}

type Credentials = { clientId: string; clientSecret: string; tenant: string | null; localUrl: string | null };

const envKey = (shop: string, provider: SocialProvider) =>
  `OAUTH_${shop.toUpperCase().replace(/[^A-Z0-9]/g, "_")}_${provider.toUpperCase()}`;

export function credentialsFor(
  shop: string,
  provider: SocialProvider,
  env: Record<string, string | undefined> = process.env,
): Credentials | null {
  const key = envKey(shop, provider);
  const clientId = env[`${key}_CLIENT_ID`];
  const clientSecret = env[`${key}_CLIENT_SECRET`];
  if (clientId && clientSecret) return { clientId, clientSecret, tenant: env[`${key}_TENANT`] || null, localUrl: null };
  const localUrl = env.LOCAL_IDP_URL;
  const shared = env.LOCAL_IDP_SECRET;
  if (!localUrl || !shared) return null;
  const id = localClientId(shop, provider);
  return { clientId: id, clientSecret: localClientSecret(id, shared), tenant: null, localUrl };
}

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value.trim() : null);

// Protocol claims of an ID token: how it was issued, not what the person gave us.
const PROTOCOL_CLAIMS = new Set([
  "iss",
  "aud",
  "exp",
  "iat",
  "nbf",
  "nonce",
  "at_hash",
  "c_hash",
  "s_hash",
  "auth_time",
  "sid",
  "azp",
  "acr",
  "amr",
  "jti",
  "uti",
  "rh",
  "ver",
]);

function withoutProtocolClaims(claims: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(claims).filter(([key]) => !PROTOCOL_CLAIMS.has(key)));
}

function splitName(name: string | null): { firstName: string | null; lastName: string | null } {
  if (!name) return { firstName: null, lastName: null };
  const parts = name.split(/\s+/);
  return parts.length > 1
    ? { firstName: parts.slice(0, -1).join(" "), lastName: parts.at(-1) ?? null }
    : { firstName: name, lastName: null };
}

// Each provider's own field names, mapped. Facebook's Graph `/me` may leave out the
// email (a phone-only account, or the person declined it); X's OAuth 2.0 never gives one;
// Microsoft and Google give theirs in the ID token (Google's only when verified).
export const PROFILE_MAPPERS: Record<SocialProvider, (raw: Record<string, unknown>) => ProviderProfile> = {
  facebook: (raw) => ({
    id: String(raw.id ?? ""),
    email: text(raw.email)?.toLowerCase() ?? null,
    name: text(raw.name),
    firstName: text(raw.first_name) ?? splitName(text(raw.name)).firstName,
    lastName: text(raw.last_name) ?? splitName(text(raw.name)).lastName,
    details: raw,
  }),
  twitter: (raw) => {
    const data = (raw.data && typeof raw.data === "object" ? raw.data : raw) as Record<string, unknown>;
    return {
      id: String(data.id ?? ""),
      email: null,
      name: text(data.name),
      ...splitName(text(data.name)),
      details: data,
    };
  },
  microsoft: (raw) => ({
    id: String(raw.sub ?? ""),
    email: text(raw.email)?.toLowerCase() ?? null,
    name: text(raw.name),
    ...splitName(text(raw.name)),
    details: withoutProtocolClaims(raw),
  }),
  google: (raw) => ({
    id: String(raw.sub ?? ""),
    email: raw.email_verified === false ? null : (text(raw.email)?.toLowerCase() ?? null),
    name: text(raw.name),
    firstName: text(raw.given_name) ?? splitName(text(raw.name)).firstName,
    lastName: text(raw.family_name) ?? splitName(text(raw.name)).lastName,
    details: withoutProtocolClaims(raw),
  }),
};

// next-auth wants { id, name, email, image } from `profile()`; the rest rides along.
function nextAuthProfile(provider: SocialProvider) {
  return (raw: Record<string, unknown>) => {
    const mapped = PROFILE_MAPPERS[provider](raw);
    return { id: mapped.id, name: mapped.name, email: mapped.email, image: null, mapped };
  };
}

const HTTP = { timeout: 10_000 };

// What Facebook is asked for: what sign-up needs, nothing more (data minimisation).
const FACEBOOK_FIELDS = "id,name,first_name,last_name,email,picture";

function buildProvider(shop: string, provider: SocialProvider, c: Credentials): OAuthConfig<Record<string, unknown>> {
  const id = providerIdFor(shop, provider);
  const common = { id, clientId: c.clientId, clientSecret: c.clientSecret, httpOptions: HTTP };
  const local = c.localUrl ? localEndpoints(c.localUrl, provider) : null;
  switch (provider) {
    case "facebook":
      return FacebookProvider({
        ...common,
        checks: ["pkce", "state"],
        ...(local
          ? {
              // The local provider names itself in its answer (RFC 9207), as Facebook does not.
              issuer: local.issuer,
              authorization: { url: local.authorization, params: { scope: "email" } },
              token: local.token,
              userinfo: { url: local.facebookMe, params: { fields: FACEBOOK_FIELDS } },
            }
          : { userinfo: { url: "https://graph.facebook.com/me", params: { fields: FACEBOOK_FIELDS } } }),
        profile: nextAuthProfile("facebook"),
      } as never) as unknown as OAuthConfig<Record<string, unknown>>;
    case "twitter":
      return TwitterProvider({
        ...common,
        version: "2.0",
        ...(local
          ? {
              issuer: local.issuer,
              authorization: { url: local.authorization, params: { scope: "users.read tweet.read" } },
              token: { url: local.token },
              userinfo: { url: local.twitterMe, params: { "user.fields": "profile_image_url" } },
            }
          : { authorization: { params: { scope: "users.read tweet.read" } } }),
        profile: nextAuthProfile("twitter"),
      } as never);
    case "microsoft":
      return AzureADProvider({
        ...common,
        tenantId: c.tenant ?? "common",
        checks: ["pkce", "state", "nonce"],
        ...(local ? { wellKnown: local.wellKnown } : {}),
        // next-auth's own mapping fetches the photo from graph.microsoft.com; we do not
        // need it (and it would leave the machine in demo mode).
        profile: nextAuthProfile("microsoft"),
      } as never) as OAuthConfig<Record<string, unknown>>;
    case "google":
      return GoogleProvider({
        ...common,
        checks: ["pkce", "state", "nonce"],
        ...(local ? { wellKnown: local.wellKnown } : {}),
        profile: nextAuthProfile("google"),
      } as never) as unknown as OAuthConfig<Record<string, unknown>>;
  }
}

export type ShopProviderOption = { provider: SocialProvider; name: string; providerId: string; isConfigured: boolean };

// The providers a shop's profile enables, each with whether this installation can use it.
export function shopProviders(profile: { handle: string; features: { socialProviders: readonly string[] } }) {
  return profile.features.socialProviders.filter(isSocialProvider).map(
    (provider): ShopProviderOption => ({
      provider,
      name: PROVIDER_NAMES[provider],
      providerId: providerIdFor(profile.handle, provider),
      isConfigured: credentialsFor(profile.handle, provider) !== null,
    }),
  );
}

// Every configured provider of every shop, for next-auth.
export function oauthProviders(): OAuthConfig<Record<string, unknown>>[] {
  return listShopProfiles().flatMap((profile) =>
    shopProviders(profile).flatMap((option) => {
      const credentials = credentialsFor(profile.handle, option.provider);
      return credentials ? [buildProvider(profile.handle, option.provider, credentials)] : [];
    }),
  );
}
