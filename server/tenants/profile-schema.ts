import { z } from "zod";
import { DATA_CATEGORY_KEYS } from "../data-map/categories";

// The shape of a shop policy profile (shops/<handle>.yaml). Everything a shop promises
// in its privacy policy is data here, so a new shop is onboarded by writing a profile.

const text = z.string().trim().min(1);
export const RESERVED_HANDLES = ["api", "dev", "_next", "favicon.ico"];
const categoryKey = z.enum(DATA_CATEGORY_KEYS);
const countryCode = z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code such as RO");
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #1a2b3c");

export const durationSchema = z
  .object({
    years: z.number().int().min(0).optional(),
    months: z.number().int().min(0).optional(),
    days: z.number().int().min(0).optional(),
  })
  .strict()
  .refine((d) => (d.years ?? 0) + (d.months ?? 0) + (d.days ?? 0) > 0, "must be longer than zero");

// How long a controller has to answer a rights request: calendar years, months and days,
// or working days (counted in server/requests/deadline.ts).
export const responsePeriodSchema = z.union([
  durationSchema,
  z.object({ workingDays: z.number().int().min(1).max(365) }).strict(),
]);

export const LEGAL_BASES = [
  "consent",
  "contract",
  "legal-obligation",
  "legitimate-interests",
  "vital-interests",
  "public-task",
] as const;

export const RETENTION_TRIGGERS = [
  "account-closed", // counted from the day the account is closed or deleted
  "contract-ended", // from the end of the contract (delivery, warranty expiry)
  "last-order", // from the customer's last order
  "last-return", // from the last return of goods
  "last-activity", // from the customer's last interaction
  "collected", // from the day the value was collected
  "document-issued", // from the date on the invoice or certificate
  "consent-withdrawn", // until consent is withdrawn
] as const;

export const RIGHT_KEYS = [
  "information",
  "access",
  "rectification",
  "erasure",
  "restriction",
  "portability",
  "objection",
  "automated-decision",
  "withdraw-consent",
  "complaint",
  "opt-out-of-sale",
  "non-discrimination",
] as const;

export const MARKETING_CHANNELS = ["email", "sms", "phone", "post", "messaging", "push"] as const;
export const SOCIAL_PROVIDERS = ["facebook", "twitter", "microsoft", "google"] as const;
export const INVITATION_CHANNELS = ["email", "facebook", "twitter", "link"] as const;

const contactSchema = z
  .object({
    name: text.optional(),
    email: z.email().optional(),
    phone: text.optional(),
    address: text.optional(),
    website: z.url().optional(),
  })
  .strict();

export const shopProfileSchema = z
  .object({
    handle: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case words joined by dashes")
      // Paths the app itself serves at the top level.
      .refine((h) => !RESERVED_HANDLES.includes(h), "is reserved for the app's own pages; choose another"),
    name: text,
    seed: text.describe("the source policy this profile encodes"),
    policyVersion: text,
    policyUpdatedAt: z.iso.date(),
    locale: text.default("en"),
    branding: z.object({ primaryColor: hexColor, accentColor: hexColor, tagline: text }).strict(),
    regime: z
      .object({
        code: z.enum(["EU-GDPR", "UK-GDPR", "US-CCPA", "BR-LGPD", "CA-PIPEDA", "OTHER"]),
        name: text,
        law: text,
      })
      .strict(),
    controllers: z
      .array(
        z
          .object({
            name: text,
            role: z.enum(["controller", "joint-controller"]),
            address: text,
            country: countryCode,
            registration: text.optional(),
            taxId: text.optional(),
            email: z.email().optional(),
            phone: text.optional(),
          })
          .strict(),
      )
      .min(1),
    dpo: contactSchema.extend({ note: text.optional() }).strict().nullable(),
    supervisoryAuthority: contactSchema.extend({ name: text, country: countryCode, howToComplain: text }).strict(),
    dataCategories: z
      .array(
        z
          .object({
            key: categoryKey,
            description: text,
            sources: z.array(z.enum(["given", "provider", "partner", "automatic"])).min(1),
          })
          .strict(),
      )
      .min(1),
    purposes: z
      .array(
        z
          .object({
            key: z.string().regex(/^[a-z0-9-]+$/),
            label: text,
            description: text,
            legalBasis: z.enum(LEGAL_BASES),
            legalBasisDetail: text.optional(),
            categories: z.array(categoryKey).min(1),
          })
          .strict(),
      )
      .min(1),
    recipients: z.array(
      z
        .object({
          key: z.string().regex(/^[a-z0-9-]+$/),
          name: text,
          kind: z.enum(["processor", "controller", "joint-controller", "authority", "group-company"]),
          location: text,
          isOutsideEEA: z.boolean(),
          categories: z.array(categoryKey).min(1),
          purposes: z.array(z.string()).default([]),
        })
        .strict(),
    ),
    transfers: z
      .object({
        isOutsideEEA: z.boolean(),
        statement: text,
        safeguards: z.array(text).default([]),
      })
      .strict(),
    retention: z
      .array(
        z
          .object({
            key: z.string().regex(/^[a-z0-9-]+$/),
            label: text,
            categories: z.array(categoryKey).min(1),
            duration: durationSchema.nullable().describe("null: kept as long as the trigger lasts"),
            trigger: z.enum(RETENTION_TRIGGERS),
            basis: text,
            keepOnErasure: z.boolean().describe("true when a legal duty outlives the account"),
          })
          .strict(),
      )
      .min(1),
    marketing: z
      .object({
        channels: z.array(z.object({ key: z.enum(MARKETING_CHANNELS), label: text }).strict()).min(1),
        topics: z.array(z.object({ key: z.string().regex(/^[a-z0-9-]+$/), label: text }).strict()).min(1),
        requiresDoubleOptIn: z.boolean(),
        offersProfiling: z.boolean(),
        offersThirdPartySharing: z.boolean(),
        unsubscribeHint: text,
      })
      .strict(),
    cookies: z
      .object({
        honoursGlobalPrivacyControl: z.boolean(),
        categories: z
          .array(
            z
              .object({
                key: z.string().regex(/^[a-z0-9-]+$/),
                label: text,
                description: text,
                isRequired: z.boolean(),
              })
              .strict(),
          )
          .min(1),
      })
      .strict(),
    rights: z
      .array(
        z
          .object({
            key: z.enum(RIGHT_KEYS),
            label: text,
            description: text,
            conditions: text.optional(),
          })
          .strict(),
      )
      .min(1),
    requests: z
      .object({
        responseDeadline: responsePeriodSchema,
        extension: responsePeriodSchema.nullable(),
        // Whose public holidays move a due date (default: the first controller's country).
        holidayCountry: countryCode.optional(),
        extensionCondition: text.optional(),
        verification: text,
        authorisedAgents: z.object({ isAllowed: z.boolean(), requirement: text.optional() }).strict(),
        publishesMetrics: z.boolean(),
      })
      .strict(),
    deletion: z
      .object({
        warning: text,
        gracePeriodDays: z.number().int().min(0).max(90),
        canReRegister: z.boolean(),
      })
      .strict(),
    features: z
      .object({
        guestCheckout: z.boolean(),
        socialProviders: z.array(z.enum(SOCIAL_PROVIDERS)),
        invitationChannels: z.array(z.enum(INVITATION_CHANNELS)),
        // How long an invited friend's details are kept when the invitation is not
        // accepted (GDPR Art. 5(1)(e)); the friend's notice states it.
        invitationRetentionDays: z.number().int().min(1).max(90).default(30),
        // How many invitations (emails and share links) a customer may make in 24 hours.
        invitationsPerDay: z.number().int().min(1).max(50).default(5),
        nationalId: z.object({ label: text, description: text }).strict().nullable(),
        impersonationNeedsPermission: z.boolean(),
        // How long a support agent's session in a customer's account lasts (at most 30).
        impersonationMaxMinutes: z.number().int().min(1).max(30).default(30),
        // Whether the customer is emailed when a support session starts.
        notifyCustomerOfSupportSessions: z.boolean().default(true),
      })
      .strict(),
    statements: z.array(text).default([]).describe("further promises, quoted or paraphrased"),
  })
  .strict()
  .superRefine((p, ctx) => {
    const declared = new Set(p.dataCategories.map((c) => c.key));
    const check = (keys: readonly string[], path: (string | number)[]) => {
      keys.forEach((key, i) => {
        if (!declared.has(key as never)) {
          ctx.addIssue({
            code: "custom",
            path: [...path, i],
            message: `category "${key}" is not declared in dataCategories`,
          });
        }
      });
    };
    for (const [i, x] of p.purposes.entries()) check(x.categories, ["purposes", i, "categories"]);
    for (const [i, x] of p.recipients.entries()) check(x.categories, ["recipients", i, "categories"]);
    for (const [i, x] of p.retention.entries()) check(x.categories, ["retention", i, "categories"]);
    const purposeKeys = new Set(p.purposes.map((x) => x.key));
    for (const [i, r] of p.recipients.entries()) {
      for (const [j, key] of r.purposes.entries()) {
        if (!purposeKeys.has(key)) {
          ctx.addIssue({ code: "custom", path: ["recipients", i, "purposes", j], message: `unknown purpose "${key}"` });
        }
      }
    }
    for (const [i, r] of p.retention.entries()) {
      // Kept after erasure means kept without the account: only a date ends it, and the
      // retention sweep needs one (GDPR Art. 5(1)(e)).
      if (r.keepOnErasure && !r.duration) {
        ctx.addIssue({
          code: "custom",
          path: ["retention", i, "duration"],
          message: "a rule with keepOnErasure needs a duration, so that what it keeps after erasure has a purge date",
        });
      }
    }
    for (const c of p.dataCategories) {
      if (!p.retention.some((r) => r.categories.includes(c.key))) {
        ctx.addIssue({
          code: "custom",
          path: ["retention"],
          message: `no retention rule covers category "${c.key}"`,
        });
      }
      if (!p.purposes.some((x) => x.categories.includes(c.key))) {
        ctx.addIssue({ code: "custom", path: ["purposes"], message: `no purpose covers category "${c.key}"` });
      }
    }
    const unique = (keys: string[], path: string) => {
      const seen = new Set<string>();
      for (const k of keys) {
        if (seen.has(k)) ctx.addIssue({ code: "custom", path: [path], message: `duplicate key "${k}"` });
        seen.add(k);
      }
    };
    unique(
      p.dataCategories.map((c) => c.key),
      "dataCategories",
    );
    unique(
      p.purposes.map((c) => c.key),
      "purposes",
    );
    unique(
      p.recipients.map((c) => c.key),
      "recipients",
    );
    unique(
      p.retention.map((c) => c.key),
      "retention",
    );
    unique(
      p.cookies.categories.map((c) => c.key),
      "cookies",
    );
    unique(
      p.rights.map((c) => c.key),
      "rights",
    );
    if (!p.cookies.categories.some((c) => c.isRequired)) {
      ctx.addIssue({
        code: "custom",
        path: ["cookies", "categories"],
        message: "needs a strictly necessary (isRequired) category",
      });
    }
  });

export type ShopProfile = z.infer<typeof shopProfileSchema>;
