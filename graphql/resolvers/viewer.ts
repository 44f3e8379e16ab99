import { createCustomer, getCustomer } from "@/server/customers";
import { tryDeliverPendingEmails } from "@/server/mail";
import type { Resolvers } from "../generated/resolvers-types";
import { toGlobalId } from "../global-id";
import { payloadErrors } from "../user-errors";

export const viewerResolvers: Resolvers = {
  Viewer: {
    isSignedIn: (_parent, _args, { viewer }) => viewer.kind === "customer",
    customer: (_parent, _args, { viewer }) => (viewer.kind === "customer" ? getCustomer({ viewer }) : null),
    shop: (_parent, _args, { viewer }) => (viewer.kind === "customer" ? viewer.shop : null),
  },
  Customer: {
    id: (customer) => toGlobalId("Customer", customer.id),
    displayName: (customer) => customer.alias ?? `${customer.firstName} ${customer.lastName}`,
  },
  Mutation: {
    customerSignUp: async (_parent, { input }, { viewer, globalPrivacyControl }) => {
      let customer: Awaited<ReturnType<typeof createCustomer>>;
      try {
        customer = await createCustomer({ viewer, input, globalPrivacyControl });
      } catch (error) {
        return { customer: null, userErrors: payloadErrors(error) };
      }
      // A double opt-in link for email marketing ticked at sign-up; best effort after
      // commit, what is not sent now stays queued.
      await tryDeliverPendingEmails({ shopId: customer.shopId });
      return { customer, userErrors: [] };
    },
  },
};
