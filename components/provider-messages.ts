// Why signing in, signing up or linking with a social provider did not work, in plain
// words. The reasons come back on the URL (`?error=<REASON>&provider=<key>`) from the
// server's refusals (server/social/sign-in.ts ProviderRefusal) or from next-auth itself
// (OAuthCallback, AccessDenied, …). Pure: used by server pages and tested on its own.

// The providers' names by the key the URL carries (server/social/providers.ts
// PROVIDER_NAMES says the same). Only these keys are ever shown: `?provider=` is typed
// by whoever made the link.
export const PROVIDER_NAMES: Record<string, string> = {
  facebook: "Facebook",
  twitter: "X (Twitter)",
  microsoft: "Microsoft",
  google: "Google",
};

// Every reason the server gives for refusing a provider's answer.
export const PROVIDER_REFUSALS = [
  "UNKNOWN_PROVIDER",
  "NO_EMAIL",
  "EMAIL_IN_USE",
  "CANNOT_REGISTER_AGAIN",
  "LINKED_TO_ANOTHER_ACCOUNT",
  "UNLINKED",
  "OTHER_IDENTITY_LINKED",
  "AUTHENTICATE_AGAIN",
  "NOT_FOR_SUPPORT_STAFF",
] as const;

export type ProviderRefusal = (typeof PROVIDER_REFUSALS)[number];

export const GENERIC_PROVIDER_MESSAGE =
  "Signing in with the provider did not complete. Try again, or sign in with your email and password.";

const CONNECTED_ACCOUNTS = "My Account → Privacy → Connected accounts";

// `account`: "Facebook account", or "provider account" when the provider is not known.
type Words = { provider: string; account: string; shop: string };

const MESSAGES: Record<ProviderRefusal, (w: Words) => string> = {
  UNKNOWN_PROVIDER: ({ provider, shop }) =>
    `${provider} is not available at ${shop} at the moment. Choose another way to sign in, such as your email and password.`,
  NO_EMAIL: ({ provider, shop }) =>
    `${provider} did not give us an email address, and a new ${shop} account needs one. Create an account with your email address first, then link ${provider} under ${CONNECTED_ACCOUNTS}.`,
  EMAIL_IN_USE: ({ provider }) =>
    `An account with the email address ${provider} gave us already exists. Sign in with your email and password, then link ${provider} under ${CONNECTED_ACCOUNTS}. For your account's safety we never link it on our own.`,
  CANNOT_REGISTER_AGAIN: ({ provider, shop }) =>
    `An account with the email address ${provider} gave us was deleted, and ${shop} does not open a new account with that address again. Contact ${shop} if you think this is wrong.`,
  LINKED_TO_ANOTHER_ACCOUNT: ({ provider, account, shop }) =>
    `This ${account} is already linked to another ${shop} account, so it was not linked to this one. To move it, sign in to the other account and unlink ${provider} there first.`,
  UNLINKED: ({ provider, account }) =>
    `You unlinked this ${account}, so it no longer signs you in. Sign in another way (for example with your email and password), then link ${provider} again under ${CONNECTED_ACCOUNTS}.`,
  OTHER_IDENTITY_LINKED: ({ account }) =>
    `Another ${account} is already linked to your account. Unlink it first, then link this one.`,
  AUTHENTICATE_AGAIN: ({ provider }) =>
    `For your security, confirm it's you before linking ${provider}: it needs your password (or a linked provider) used in the last 10 minutes. Then choose “Link ${provider}” again.`,
  NOT_FOR_SUPPORT_STAFF: () =>
    "Support staff cannot sign in to a customer's account with a provider, or link one to it. Sign out of the support console first.",
};

const first = (value: string | string[] | undefined | null): string | null =>
  typeof value === "string" ? value : Array.isArray(value) && typeof value[0] === "string" ? value[0] : null;

export const isProviderRefusal = (code: unknown): code is ProviderRefusal =>
  typeof code === "string" && (PROVIDER_REFUSALS as readonly string[]).includes(code);

// A provider's name from the URL's `?provider=`, preferring the names the shop gives
// (its list of providers); null for anything that is not a provider.
export function providerNameOf(
  key: string | string[] | undefined | null,
  known: readonly { provider: string; name: string }[] = [],
): string | null {
  const value = first(key)?.toLowerCase();
  if (!value || !Object.hasOwn(PROVIDER_NAMES, value)) return null;
  return known.find((p) => p.provider.toLowerCase() === value)?.name ?? PROVIDER_NAMES[value];
}

// The sentence for `?error=` (null when there is none). Unknown codes, next-auth's own
// among them, get the generic sentence: the details are not the visitor's concern.
export function providerMessage(
  error: string | string[] | undefined | null,
  options: { provider?: string | null; shopName: string },
): string | null {
  const code = first(error);
  if (!code) return null;
  if (!isProviderRefusal(code)) return GENERIC_PROVIDER_MESSAGE;
  const name = options.provider?.trim();
  const text = MESSAGES[code]({
    provider: name || "the provider",
    account: name ? `${name} account` : "provider account",
    shop: options.shopName,
  });
  return text.charAt(0).toUpperCase() + text.slice(1);
}
