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
};

export function consentPurposes(profile: ShopProfile): ConsentPurpose[] {
  const purposes: ConsentPurpose[] = [];
  for (const channel of profile.marketing.channels) {
    for (const topic of profile.marketing.topics) {
      purposes.push({
        key: `marketing:${channel.key}:${topic.key}`,
        kind: "marketing",
        label: `${topic.label} by ${channel.label}`,
        isRequired: false,
        channel: channel.key,
        topic: topic.key,
      });
    }
  }
  if (profile.marketing.offersProfiling) {
    purposes.push({
      key: "profiling",
      kind: "profiling",
      label: "Personalised advertising and profiling",
      isRequired: false,
    });
  }
  if (profile.marketing.offersThirdPartySharing) {
    purposes.push({
      key: "third-party-marketing",
      kind: "third-party-marketing",
      label: "Sharing with third parties for their marketing",
      isRequired: false,
    });
  }
  for (const cookie of profile.cookies.categories) {
    purposes.push({
      key: `cookies:${cookie.key}`,
      kind: "cookies",
      label: cookie.label,
      isRequired: cookie.isRequired,
    });
  }
  return purposes;
}
