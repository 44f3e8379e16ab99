import { graphql } from "@/graphql/generated/client";

// What the subscriptions and cookie pages read of each consent: the shape of
// ConsentItem (components/consent-options.ts). Spread as `...ConsentItemFields`.
export const ConsentItemFields = graphql(`
  fragment ConsentItemFields on CustomerConsent {
    purpose {
      key
      kind
      label
      description
      channel
      topic
      isRequired
      requiresConfirmation
      isCoveredByGlobalPrivacyControl
    }
    state
    recordedState
    optInLevel
    source
    updatedAt
    isOverriddenByGlobalPrivacyControl
  }
`);
