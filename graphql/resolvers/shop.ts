import { DATA_CATEGORY_LABELS } from "@/server/data-map/categories";
import { dueDatesView } from "@/server/requests";
import { objectionPurposes, requestTypeOptions } from "@/server/requests/types";
import { findShop, listShops } from "@/server/tenants";
import type { ShopProfile } from "@/server/tenants/profile-schema";
import { durationText, responsePeriodText, retentionText } from "@/server/tenants/wording";
import type { DataSource, LegalBasis, Resolvers } from "../generated/resolvers-types";
import { toGlobalId } from "../global-id";

type ProfileDuration = { years?: number; months?: number; days?: number };

const duration = (d: ProfileDuration) => ({
  years: d.years ?? 0,
  months: d.months ?? 0,
  days: d.days ?? 0,
  workingDays: 0,
  text: durationText(d),
});

// A request's response period: calendar time, or working days.
const responsePeriod = (p: ShopProfile["requests"]["responseDeadline"]) =>
  "workingDays" in p
    ? { years: 0, months: 0, days: 0, workingDays: p.workingDays, text: responsePeriodText(p) }
    : duration(p);

const upper = <T extends string>(value: string) => value.toUpperCase().replace(/-/g, "_") as T;

// Profile entries in their GraphQL shape; shared with "My data", which shows the same
// purposes and rules per category.
export const purposeToGraph = (p: ShopProfile["purposes"][number]) => ({
  ...p,
  legalBasis: upper<LegalBasis>(p.legalBasis),
});

export const retentionRuleToGraph = (r: ShopProfile["retention"][number]) => ({
  ...r,
  duration: r.duration ? duration(r.duration) : null,
  text: retentionText(r),
});

export const sourceToGraph = (s: string) => upper<DataSource>(s);

export const shopResolvers: Resolvers = {
  Query: {
    shop: (_parent, { handle }) => findShop({ handle }),
    shops: () => listShops(),
  },
  Shop: {
    id: (shop) => toGlobalId("Shop", shop.id),
    branding: (shop) => shop.profile.branding,
    policy: (shop) => shop.profile,
  },
  ShopPolicy: {
    version: (p) => p.policyVersion,
    updatedAt: (p) => p.policyUpdatedAt,
    dataCategories: (p) =>
      p.dataCategories.map((c) => ({
        key: c.key,
        label: DATA_CATEGORY_LABELS[c.key],
        description: c.description,
        sources: c.sources.map(sourceToGraph),
      })),
    purposes: (p) => p.purposes.map(purposeToGraph),
    retention: (p) => p.retention.map(retentionRuleToGraph),
    cookieCategories: (p) => p.cookies.categories,
    honoursGlobalPrivacyControl: (p) => p.cookies.honoursGlobalPrivacyControl,
    requests: (p) => ({
      responseDeadline: responsePeriod(p.requests.responseDeadline),
      extension: p.requests.extension ? responsePeriod(p.requests.extension) : null,
      dueDatesIfAskedNow: dueDatesView(p, new Date()),
      types: requestTypeOptions(p),
      objectionPurposes: objectionPurposes(p),
      extensionCondition: p.requests.extensionCondition,
      verification: p.requests.verification,
      authorisedAgentsAllowed: p.requests.authorisedAgents.isAllowed,
      authorisedAgentRequirement: p.requests.authorisedAgents.requirement,
      publishesMetrics: p.requests.publishesMetrics,
    }),
    features: (p) => ({
      guestCheckout: p.features.guestCheckout,
      socialProviders: p.features.socialProviders,
      invitationChannels: p.features.invitationChannels,
      invitationRetentionDays: p.features.invitationRetentionDays,
      invitationsPerDay: p.features.invitationsPerDay,
      nationalIdLabel: p.features.nationalId?.label ?? null,
    }),
  },
};
