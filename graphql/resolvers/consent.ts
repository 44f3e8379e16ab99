import {
  applyGlobalPrivacyControl,
  type ConsentPurpose,
  getConsentHistory,
  getConsents,
  updateConsents,
} from "@/server/consent";
import { confirmConsent, getConsentConfirmationLink } from "@/server/consent/confirmation";
import { consentPurposes } from "@/server/consent/purposes";
import { getUnsubscribeLink, unsubscribeWithToken } from "@/server/consent/unsubscribe";
import { tryDeliverPendingEmails } from "@/server/mail";
import type { ConsentPurposeKind, Resolvers } from "../generated/resolvers-types";
import { toGlobalId } from "../global-id";
import { payloadErrors } from "../user-errors";
import { connection } from "./connection";

const KINDS: Record<ConsentPurpose["kind"], ConsentPurposeKind> = {
  marketing: "MARKETING",
  profiling: "PROFILING",
  "third-party-marketing": "THIRD_PARTY_MARKETING",
  cookies: "COOKIES",
};

export const consentResolvers: Resolvers = {
  Customer: {
    // A Customer object is only ever the viewer themself; the services read the
    // viewer's own records in any case.
    consents: (customer, _args, { viewer, globalPrivacyControl }) =>
      viewer.kind === "customer" && viewer.customerId === customer.id
        ? getConsents({ viewer, globalPrivacyControl })
        : [],
    consentHistory: async (_customer, args, { viewer }) => connection(await getConsentHistory({ viewer, ...args })),
  },
  ShopPolicy: {
    consentPurposes: (profile) => consentPurposes(profile),
  },
  Viewer: {
    hasGlobalPrivacyControl: (_parent, _args, { globalPrivacyControl }) => globalPrivacyControl,
  },
  ConsentPurpose: {
    kind: (p) => KINDS[p.kind],
    description: (p) => p.description ?? null,
    channel: (p) => p.channel ?? null,
    topic: (p) => p.topic ?? null,
  },
  ConsentRecord: {
    id: (record) => toGlobalId("ConsentRecord", record.id),
  },
  Query: {
    consentConfirmationLink: (_parent, { token }) => getConsentConfirmationLink({ token }),
    consentUnsubscribeLink: (_parent, { token }) => getUnsubscribeLink({ token }),
  },
  Mutation: {
    consentUpdate: async (_parent, { input }, { viewer, globalPrivacyControl }) => {
      let result: Awaited<ReturnType<typeof updateConsents>>;
      try {
        result = await updateConsents({ viewer, input, globalPrivacyControl });
      } catch (error) {
        return { consents: null, isConfirmationSent: null, userErrors: payloadErrors(error) };
      }
      // After commit, best effort: what is not sent now stays queued for the next call.
      if (result.isConfirmationSent && viewer.kind === "customer") {
        await tryDeliverPendingEmails({ shopId: viewer.shop.id });
      }
      return { consents: result.consents, isConfirmationSent: result.isConfirmationSent, userErrors: [] };
    },
    consentApplyGlobalPrivacyControl: async (_parent, _args, { viewer, globalPrivacyControl }) => {
      try {
        const result = await applyGlobalPrivacyControl({ viewer, globalPrivacyControl });
        return { consents: result.consents, withdrawnPurposes: result.withdrawn, userErrors: [] };
      } catch (error) {
        return { consents: null, withdrawnPurposes: null, userErrors: payloadErrors(error) };
      }
    },
    consentConfirm: async (_parent, { input }) => {
      try {
        const result = await confirmConsent({ token: input.token });
        return { shop: result.shop, confirmedPurposes: result.purposes, userErrors: [] };
      } catch (error) {
        return { shop: null, confirmedPurposes: null, userErrors: payloadErrors(error) };
      }
    },
    consentUnsubscribe: async (_parent, { input }) => {
      try {
        return { ...(await unsubscribeWithToken({ token: input.token })), userErrors: [] };
      } catch (error) {
        return { shop: null, purpose: null, isAlreadyWithdrawn: null, userErrors: payloadErrors(error) };
      }
    },
  },
};
