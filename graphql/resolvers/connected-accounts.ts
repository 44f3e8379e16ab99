import { getCustomer } from "@/server/customers";
import { eraseProvidedData, getConnectedAccounts, setFirstPassword, unlinkConnectedAccount } from "@/server/social";
import { shopProviders } from "@/server/social/providers";
import type { Resolvers, SocialProvider } from "../generated/resolvers-types";
import { mutate } from "../user-errors";
import { purposeToGraph, retentionRuleToGraph } from "./shop";

const toEnum = (provider: string) => provider.toUpperCase() as SocialProvider;
// The service takes the provider as the profile names it.
const fromEnum = <T extends { provider: SocialProvider }>(input: T) => ({
  ...input,
  provider: input.provider.toLowerCase(),
});

export const connectedAccountsResolvers: Resolvers = {
  Shop: {
    signInProviders: (shop) =>
      shopProviders(shop.profile)
        .filter((p) => p.isConfigured)
        .map((p) => ({ provider: toEnum(p.provider), name: p.name, providerId: p.providerId })),
  },
  Customer: {
    connectedAccounts: (customer, _args, { viewer }) => getConnectedAccounts({ viewer, customerId: customer.id }),
  },
  ConnectedAccounts: {
    purposes: (c) => c.purposes.map(purposeToGraph),
    retention: (c) => c.retention.map(retentionRuleToGraph),
  },
  ConnectedAccount: {
    provider: (account) => toEnum(account.provider),
  },
  Mutation: {
    connectedAccountUnlink: (_parent, { input }, { viewer }) =>
      mutate({ connectedAccount: null }, async () => ({
        connectedAccount: await unlinkConnectedAccount({ viewer, input: fromEnum(input) }),
      })),
    connectedAccountEraseProvidedData: (_parent, { input }, { viewer }) =>
      mutate({ connectedAccount: null }, async () => ({
        connectedAccount: await eraseProvidedData({ viewer, input: fromEnum(input) }),
      })),
    customerPasswordSet: (_parent, { input }, { viewer }) =>
      mutate({ customer: null }, async () => {
        await setFirstPassword({ viewer, input });
        return { customer: await getCustomer({ viewer }) };
      }),
  },
};
