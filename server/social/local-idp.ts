import { createHmac } from "node:crypto";

// The local identity provider (server/dev/identity-provider) stands in for Facebook, X,
// Microsoft and Google where there is no internet: in demo mode and in tests. The app
// and the provider agree on each client's credentials through one shared secret, so
// neither needs a list of the other's clients.
//
//   LOCAL_IDP_URL     where it listens, e.g. http://127.0.0.1:3401 (the app reads it)
//   LOCAL_IDP_SECRET  the shared secret (both read it)

export const LOCAL_PROVIDERS = ["facebook", "twitter", "microsoft", "google"] as const;
export type LocalProvider = (typeof LOCAL_PROVIDERS)[number];

// One client per shop and provider, as a real shop registers one app per provider.
export const localClientId = (shop: string, provider: string) => `${shop}-${provider}`;

export function localClientSecret(clientId: string, secret: string): string {
  return createHmac("sha256", secret).update(`local-idp-client:${clientId}`).digest("base64url");
}

// Each provider is served under its own path, as its own issuer.
export const localIssuer = (base: string, provider: LocalProvider) => `${base.replace(/\/$/, "")}/${provider}`;

// The provider-specific APIs the app reads the profile from, as the real ones:
// Facebook's Graph `/me` and X's `/2/users/me` (Microsoft and Google give an ID token).
export const localEndpoints = (base: string, provider: LocalProvider) => {
  const issuer = localIssuer(base, provider);
  return {
    issuer,
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    authorization: `${issuer}/auth`,
    token: `${issuer}/token`,
    jwks: `${issuer}/jwks`,
    facebookMe: `${issuer}/graph/me`,
    twitterMe: `${issuer}/2/users/me`,
  };
};
