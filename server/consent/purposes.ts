import type { ShopProfile } from "../tenants/profile-schema";

// Consent purposes a shop offers, derived from its profile. The key is what consent
// records store: "marketing:<channel>:<topic>", "profiling", "third-party-marketing",
// "cookies:<category>".
export type ConsentPurposeKind = "marketing" | "profiling" | "third-party-marketing" | "cookies";

export type ConsentPurpose = {
  key: string;
  kind: ConsentPurposeKind;
  label: string;
  isRequired: boolean;
  channel?: string;
  topic?: string;
  // The cookie category's description from the profile.
  description?: string;
  // Double opt-in: granting records PENDING until the link mailed to the customer is
  // followed (email marketing where the profile requires it).
  requiresConfirmation: boolean;
  // Withdrawn in effect while the browser sends Global Privacy Control, where the shop
  // honours the signal: optional cookies, profiling and sharing for others' marketing
  // (the "sale or sharing" GPC is about); not the shop's own newsletters.
  isCoveredByGlobalPrivacyControl: boolean;
};

// Any key a profile could produce; a key of this shape may still not be offered by the
// shop at hand.
export const PURPOSE_KEY_PATTERN = /^(marketing:[a-z]+:[a-z0-9-]+|profiling|third-party-marketing|cookies:[a-z0-9-]+)$/;

export function consentPurposes(profile: ShopProfile): ConsentPurpose[] {
  const purposes: ConsentPurpose[] = [];
  const gpc = profile.cookies.honoursGlobalPrivacyControl;
  for (const channel of profile.marketing.channels) {
    for (const topic of profile.marketing.topics) {
      purposes.push({
        key: `marketing:${channel.key}:${topic.key}`,
        kind: "marketing",
        label: `${topic.label} by ${channel.label}`,
        isRequired: false,
        channel: channel.key,
        topic: topic.key,
        requiresConfirmation: profile.marketing.requiresDoubleOptIn && channel.key === "email",
        isCoveredByGlobalPrivacyControl: false,
      });
    }
  }
  if (profile.marketing.offersProfiling) {
    purposes.push({
      key: "profiling",
      kind: "profiling",
      label: "Personalised advertising and profiling",
      isRequired: false,
      requiresConfirmation: false,
      isCoveredByGlobalPrivacyControl: gpc,
    });
  }
  if (profile.marketing.offersThirdPartySharing) {
    purposes.push({
      key: "third-party-marketing",
      kind: "third-party-marketing",
      label: "Sharing with third parties for their marketing",
      isRequired: false,
      requiresConfirmation: false,
      isCoveredByGlobalPrivacyControl: gpc,
    });
  }
  for (const cookie of profile.cookies.categories) {
    purposes.push({
      key: `cookies:${cookie.key}`,
      kind: "cookies",
      label: cookie.label,
      description: cookie.description,
      isRequired: cookie.isRequired,
      requiresConfirmation: false,
      isCoveredByGlobalPrivacyControl: gpc && !cookie.isRequired,
    });
  }
  return purposes;
}

export function findConsentPurpose(profile: ShopProfile, key: string): ConsentPurpose | null {
  return consentPurposes(profile).find((p) => p.key === key) ?? null;
}
