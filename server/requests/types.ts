import { DATA_CATEGORY_LABELS } from "../data-map/categories";
import type { RightsRequestType } from "../db/generated/enums";
import type { ShopProfile } from "../tenants/profile-schema";

// The request types a shop offers and their names in the shop's words (pure: the seed
// and the service both use it).

export const SELF_SERVICE_TYPES = ["ACCESS", "RECTIFICATION", "ERASURE", "WITHDRAW_CONSENT"] as const;
export type SelfServiceType = (typeof SELF_SERVICE_TYPES)[number];

export const FILED_TYPES = ["RESTRICTION", "OBJECTION", "AUTOMATED_DECISION", "DISPUTED_CORRECTION"] as const;
export type FiledType = (typeof FILED_TYPES)[number];

export type Choice = { key: string; label: string };

export type RequestTypeOption = {
  type: FiledType;
  label: string;
  description: string;
  conditions: string | null;
  asksForPurposes: boolean;
  asksForCategories: boolean;
  requiresDetails: boolean;
  detailsLabel: string;
};

// The profile right behind each type a customer can file.
const RIGHT_OF: Record<FiledType, ShopProfile["rights"][number]["key"]> = {
  RESTRICTION: "restriction",
  OBJECTION: "objection",
  AUTOMATED_DECISION: "automated-decision",
  DISPUTED_CORRECTION: "rectification",
};

const DETAILS_LABEL: Record<FiledType, string> = {
  RESTRICTION:
    "Why should we stop using your data? (for example: it is wrong, we should not hold it, or you need it kept for a legal claim)",
  OBJECTION: "Your grounds: what in your particular situation makes you object",
  AUTOMATED_DECISION: "Which decision should a person review, and why do you contest it?",
  DISPUTED_CORRECTION: "What is wrong, and what should it say?",
};

// Self-service types are named by their right's label where the policy lists it.
const SELF_SERVICE_RIGHT: Record<SelfServiceType, ShopProfile["rights"][number]["key"]> = {
  ACCESS: "access",
  RECTIFICATION: "rectification",
  ERASURE: "erasure",
  WITHDRAW_CONSENT: "withdraw-consent",
};

const FALLBACK_LABEL: Record<RightsRequestType, string> = {
  RESTRICTION: "Restriction of processing",
  OBJECTION: "Objection",
  AUTOMATED_DECISION: "Review of an automated decision",
  DISPUTED_CORRECTION: "Disputed correction",
  ACCESS: "Copy of your data",
  RECTIFICATION: "Correction of your data",
  ERASURE: "Deletion of your account",
  WITHDRAW_CONSENT: "Withdrawal of consent",
};

export function objectionPurposes(profile: ShopProfile): Choice[] {
  return profile.purposes
    .filter((p) => p.legalBasis === "legitimate-interests")
    .map((p) => ({ key: p.key, label: p.label }));
}

export function categoryChoices(profile: ShopProfile): Choice[] {
  return profile.dataCategories.map((c) => ({ key: c.key, label: DATA_CATEGORY_LABELS[c.key] }));
}

// The types a customer of this shop can file: those whose right the policy lists (an
// objection also needs a purpose based on legitimate interests to object to).
const optionsOf = new WeakMap<ShopProfile, RequestTypeOption[]>();

export function requestTypeOptions(profile: ShopProfile): RequestTypeOption[] {
  const known = optionsOf.get(profile);
  if (known) return known;
  const options = buildOptions(profile);
  optionsOf.set(profile, options);
  return options;
}

function buildOptions(profile: ShopProfile): RequestTypeOption[] {
  const options: RequestTypeOption[] = [];
  for (const type of FILED_TYPES) {
    const right = profile.rights.find((r) => r.key === RIGHT_OF[type]);
    if (!right) continue;
    if (type === "OBJECTION" && objectionPurposes(profile).length === 0) continue;
    options.push({
      type,
      label: type === "DISPUTED_CORRECTION" ? `${right.label}: dispute a correction` : right.label,
      description:
        type === "DISPUTED_CORRECTION"
          ? `For data about you that you cannot correct yourself in My data, or a correction we made or refused that you disagree with: a person looks at it and answers. ${right.description}`
          : right.description,
      conditions: right.conditions ?? null,
      asksForPurposes: type === "OBJECTION",
      asksForCategories: type === "RESTRICTION" || type === "DISPUTED_CORRECTION",
      requiresDetails: true,
      detailsLabel: DETAILS_LABEL[type],
    });
  }
  return options;
}

export function requestTypeLabel(profile: ShopProfile, type: RightsRequestType): string {
  if ((FILED_TYPES as readonly string[]).includes(type)) {
    const option = requestTypeOptions(profile).find((o) => o.type === type);
    if (option) return option.label;
  } else {
    const right = profile.rights.find((r) => r.key === SELF_SERVICE_RIGHT[type as SelfServiceType]);
    if (right) return right.label;
  }
  return FALLBACK_LABEL[type];
}
