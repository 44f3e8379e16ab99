import {
  cancelAccountDeletion,
  confirmAccountDeletion,
  getDeletionPlan,
  getDeletionRequest,
  requestAccountDeletion,
} from "@/server/erasure";
import type { Resolvers } from "../generated/resolvers-types";
import { toGlobalId } from "../global-id";
import { payloadErrors } from "../user-errors";
import { retentionRuleToGraph } from "./shop";

const date = (iso: string | null) => (iso ? new Date(iso) : null);

export const erasureResolvers: Resolvers = {
  Customer: {
    deletionPlan: (_customer, _args, { viewer }) => getDeletionPlan({ viewer }),
    deletionRequest: (_customer, _args, { viewer }) => getDeletionRequest({ viewer }),
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
    accountDeletionRequest: async (_parent, { input }, { viewer }) => {
      try {
        return { deletionRequest: await requestAccountDeletion({ viewer, input }), userErrors: [] };
      } catch (error) {
        return { deletionRequest: null, userErrors: payloadErrors(error) };
      }
    },
    accountDeletionConfirm: async (_parent, { input }, { viewer }) => {
      try {
        return { deletionRequest: await confirmAccountDeletion({ viewer, input }), userErrors: [] };
      } catch (error) {
        return { deletionRequest: null, userErrors: payloadErrors(error) };
      }
    },
    accountDeletionCancel: async (_parent, _args, { viewer }) => {
      try {
        return { deletionRequest: await cancelAccountDeletion({ viewer }), userErrors: [] };
      } catch (error) {
        return { deletionRequest: null, userErrors: payloadErrors(error) };
      }
    },
  },
};
