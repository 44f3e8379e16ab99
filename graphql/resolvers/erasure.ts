import {
  cancelAccountDeletion,
  confirmAccountDeletion,
  getDeletionPlan,
  getDeletionRequest,
  requestAccountDeletion,
} from "@/server/erasure";
import type { Resolvers } from "../generated/resolvers-types";
import { toGlobalId } from "../global-id";
import { mutate } from "../user-errors";
import { retentionRuleToGraph } from "./shop";

const date = (iso: string | null) => (iso ? new Date(iso) : null);

export const erasureResolvers: Resolvers = {
  Customer: {
    deletionPlan: (customer, _args, { viewer }) => getDeletionPlan({ viewer, customerId: customer.id }),
    deletionRequest: (customer, _args, { viewer }) => getDeletionRequest({ viewer, customerId: customer.id }),
  },
  DeletionRequest: {
    id: (r) => toGlobalId("DeletionRequest", r.id),
    confirmationExpiresAt: (r) => (r.status === "AWAITING_CONFIRMATION" ? r.tokenExpiresAt : null),
  },
  DeletionPlanEntry: {
    rule: (e) => (e.rule ? retentionRuleToGraph(e.rule) : null),
    retainedUntilEarliest: (e) => date(e.retainedUntilEarliest),
    retainedUntilLatest: (e) => date(e.retainedUntilLatest),
  },
  Mutation: {
    accountDeletionRequest: (_parent, { input }, { viewer }) =>
      mutate({ deletionRequest: null }, async () => ({
        deletionRequest: await requestAccountDeletion({ viewer, input }),
      })),
    accountDeletionConfirm: (_parent, { input }, { viewer }) =>
      mutate({ deletionRequest: null }, async () => ({
        deletionRequest: await confirmAccountDeletion({ viewer, input }),
      })),
    accountDeletionCancel: (_parent, _args, { viewer }) =>
      mutate({ deletionRequest: null }, async () => ({ deletionRequest: await cancelAccountDeletion({ viewer }) })),
  },
};
