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
import type { ConsentPurposeKind, Resolvers } from "../generated/resolvers-types";
import { fromGlobalId, toGlobalId } from "../global-id";
import { mutate } from "../user-errors";
import { connection } from "./connection";

const KINDS: Record<ConsentPurpose["kind"], ConsentPurposeKind> = {
  marketing: "MARKETING",
  profiling: "PROFILING",
  "third-party-marketing": "THIRD_PARTY_MARKETING",
  cookies: "COOKIES",
};

function customerIdOf(globalId: string): string {
  const decoded = fromGlobalId(globalId);
  return decoded?.type === "Customer" ? decoded.id : "";
}

export const consentResolvers: Resolvers = {
  Customer: {
    consents: (customer, _args, { viewer, globalPrivacyControl }) =>
      getConsents({ viewer, customerId: customer.id, globalPrivacyControl }),
    consentHistory: async (customer, args, { viewer }) =>
      connection(await getConsentHistory({ viewer, customerId: customer.id, ...args })),
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
    consentUpdate: (_parent, { input }, { viewer, globalPrivacyControl }) =>
      mutate({ consents: null, isConfirmationSent: null }, async () => {
        const result = await updateConsents({
          viewer,
          input,
          globalPrivacyControl,
          // A partner names the customer; an id that is not a Customer's is not found.
          customerId: input.customerId == null ? undefined : customerIdOf(input.customerId),
        });
        return { consents: result.consents, isConfirmationSent: result.isConfirmationSent };
      }),
    consentApplyGlobalPrivacyControl: (_parent, _args, { viewer, globalPrivacyControl }) =>
      mutate({ consents: null, withdrawnPurposes: null }, async () => {
        const result = await applyGlobalPrivacyControl({ viewer, globalPrivacyControl });
        return { consents: result.consents, withdrawnPurposes: result.withdrawn };
      }),
    consentConfirm: (_parent, { input }) =>
      mutate({ shop: null, confirmedPurposes: null }, async () => {
        const result = await confirmConsent({ token: input.token });
        return { shop: result.shop, confirmedPurposes: result.purposes };
      }),
    consentUnsubscribe: (_parent, { input }) =>
      mutate({ shop: null, purpose: null, isAlreadyWithdrawn: null }, () =>
        unsubscribeWithToken({ token: input.token }),
      ),
  },
};
