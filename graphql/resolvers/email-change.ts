import { confirmEmailChange, getPendingEmailChange, requestEmailChange } from "@/server/customers/email-change";
import { tryDeliverPendingEmails } from "@/server/mail";
import type { Resolvers } from "../generated/resolvers-types";
import { payloadErrors } from "../user-errors";

export const emailChangeResolvers: Resolvers = {
  Customer: {
    // A Customer object is only ever the viewer themself; the service reads the
    // viewer's own request in any case.
    pendingEmailChange: (customer, _args, { viewer }) =>
      viewer.kind === "customer" && viewer.customerId === customer.id ? getPendingEmailChange({ viewer }) : null,
  },
  Mutation: {
    customerEmailChangeRequest: async (_parent, { input }, { viewer }) => {
      let pending: Awaited<ReturnType<typeof requestEmailChange>>;
      try {
        pending = await requestEmailChange({ viewer, input });
      } catch (error) {
        return { pendingEmail: null, expiresAt: null, userErrors: payloadErrors(error) };
      }
      // After commit, best effort: what is not sent now stays queued for the next call.
      if (viewer.kind === "customer") await tryDeliverPendingEmails({ shopId: viewer.shop.id });
      return { pendingEmail: pending.newEmail, expiresAt: pending.expiresAt, userErrors: [] };
    },
    customerEmailChangeConfirm: async (_parent, { input }, { viewer }) => {
      try {
        return { customer: await confirmEmailChange({ viewer, token: input.token }), userErrors: [] };
      } catch (error) {
        return { customer: null, userErrors: payloadErrors(error) };
      }
    },
  },
};
