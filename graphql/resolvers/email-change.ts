import { confirmEmailChange, getPendingEmailChange, requestEmailChange } from "@/server/customers/email-change";
import type { Resolvers } from "../generated/resolvers-types";
import { mutate } from "../user-errors";

export const emailChangeResolvers: Resolvers = {
  Customer: {
    pendingEmailChange: (customer, _args, { viewer }) => getPendingEmailChange({ viewer, customerId: customer.id }),
  },
  Mutation: {
    customerEmailChangeRequest: (_parent, { input }, { viewer }) =>
      mutate({ pendingEmail: null, expiresAt: null }, async () => {
        const pending = await requestEmailChange({ viewer, input });
        return { pendingEmail: pending.newEmail, expiresAt: pending.expiresAt };
      }),
    customerEmailChangeConfirm: (_parent, { input }, { viewer }) =>
      mutate({ customer: null }, async () => ({ customer: await confirmEmailChange({ viewer, token: input.token }) })),
  },
};
