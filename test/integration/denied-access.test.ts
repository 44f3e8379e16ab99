import { readFileSync } from "node:fs";
import path from "node:path";
import { buildSchema } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "@/graphql/global-id";
import { API_SCOPES } from "@/server/api-keys/scopes";
import {
  type AgentViewer,
  ANONYMOUS,
  type CustomerViewer,
  NO_REQUEST,
  resolveSessionViewer,
  type Viewer,
} from "@/server/auth/viewer";
import { getPrisma } from "@/server/db";
import { suppressionHash } from "@/server/erasure/suppression";
import { createInvitation } from "@/server/invitations";
import { assignRequest, createRightsRequest } from "@/server/requests/requests";
import { createWebhookEndpoint } from "@/server/webhooks/endpoints";
import {
  agentViewer,
  impersonating,
  signedInViewer,
  TEST_PASSWORD,
  uniqueEmail,
  viewerWithHistory,
} from "../factories";
import { partnerKey } from "../factories/partner";
import { type GqlResult, gql } from "../support/graphql";

// Denied access for every field of Query and Mutation (DESIGN.md, Tests), generated from
// the schema: CASES must hold one sample operation per field, so a new field without a
// case fails the first test. Each operation is run as everyone who is not the owner of
// the data it touches; none of them may see the owner's data or change the owner's rows.

const schema = buildSchema(readFileSync(path.resolve(import.meta.dirname, "../../graphql/schema.graphql"), "utf8"));

type Role =
  | "signedOut"
  | "owner"
  | "sameShopCustomer"
  | "otherShopCustomer"
  | "otherShopAgent"
  | "agentWithoutSession"
  | "agentRefused"
  | "agentExpired"
  // Partner keys (issue 12): one of another shop with every scope, and one of the
  // owner's shop with every scope (legitimate only where the case says partnerAllowed)
  // or with none that opens the owner's data.
  | "partnerOtherShop"
  | "partnerSameShop"
  | "partnerWithoutScope";

type Fixtures = {
  shop: string;
  ownerId: string;
  email: string;
  firstName: string;
  lastName: string;
  addressId: string;
  orderId: string;
  exportId: string;
  purposeKey: string;
  apiKeyId: string;
  // The shop's own webhook endpoint (made by its privacy officer) and one delivery.
  endpointId: string;
  deliveryId: string;
  // The owner's share-link invitation (issue 14).
  invitationId: string;
  // The owner's rights requests: one open, assigned to the shop's privacy officer
  // (`officerId`), and one filed by a representative through a partner, awaiting the
  // officer's check.
  requestId: string;
  awaitingRequestId: string;
  officerId: string;
};

type Case = {
  operation: string;
  variables?: (f: Fixtures) => Record<string, unknown>;
  // "customer": the signed-in customer's own account (or, for an agent, the account they
  // act in); "agent": the support console; "public": anyone, with the reason.
  kind: "customer" | "agent";
  // Takes ids of the owner's objects: denied to every other customer too.
  ownerIds?: true;
  // authorize refuses agents this action while impersonating.
  refusedForAgents?: true;
  // Console fields for privacy officers only: a support agent of the same shop is denied.
  privacyOfficerOnly?: true;
  // A partner key of the owner's shop with the scope may do this to the owner (so that
  // role is not run); every other key is denied.
  partnerAllowed?: true;
  // A key with webhooks:manage does this to its own endpoints only: it must see and touch
  // nothing of the shop's (isolated); a key without the scope is denied.
  partnerOwnEndpoints?: true;
  // For lookups that answer "nothing" instead of an error.
  empty?: (data: Record<string, unknown>) => boolean;
  // Roles not run, with the reason.
  skip?: Partial<Record<Role, string>>;
};
type PublicCase = { operation: string; variables?: (f: Fixtures) => Record<string, unknown>; public: string };

const ERRORS = "userErrors { field code message }";
const isNull = (key: string) => (data: Record<string, unknown>) => data[key] === null;
const customerIsNull = (data: Record<string, unknown>) => (data.viewer as { customer: unknown }).customer === null;
const STAFF_READ_REQUESTS =
  "Staff of the shop read any of its requests, as the queue lists them, without a support session (rights-requests.test.ts).";
const STAFF_RECORD_FILINGS =
  "Staff of the shop record a representative's filing (sent by post or email) for any customer of the shop; it waits for the privacy officer's check (rights-requests.test.ts).";

const CASES: Record<string, Case | PublicCase> = {
  "Query.node": {
    kind: "customer",
    ownerIds: true,
    // A key with customers:read reads its shop's customers (their addresses, orders and
    // exports stay closed: test/integration/partner-api.test.ts).
    partnerAllowed: true,
    operation: `query($c: ID!, $a: ID!, $o: ID!, $e: ID!) {
      c: node(id: $c) { id ... on Customer { email firstName } }
      a: node(id: $a) { id ... on Address { line1 } }
      o: node(id: $o) { id ... on Order { number } }
      e: node(id: $e) { id ... on Export { status } }
    }`,
    variables: (f) => ({
      c: toGlobalId("Customer", f.ownerId),
      a: toGlobalId("Address", f.addressId),
      o: toGlobalId("Order", f.orderId),
      e: toGlobalId("Export", f.exportId),
    }),
    empty: (data) => ["c", "a", "o", "e"].every((k) => data[k] === null),
  },
  "Query.viewer": {
    kind: "customer",
    operation: `{ viewer { isSignedIn customer { id email firstName lastName addresses { id } exports { edges { node { id } } }
      orders(first: 5) { edges { node { id } } }
      invitations { totalCount edges { node { id friendEmail friendName link shareUrl } } }
      restrictedAt rightsRequests { restrictedAt objectedPurposes { key }
        requests { totalCount edges { node { id details representativeName representativeProof events { message } } } } } }
      shop { handle } agent { id } impersonation { id endReason } } }`,
    empty: customerIsNull,
  },
  "Query.shop": {
    public: "A shop's published privacy policy.",
    // ALMAZ does not publish its request metrics: null to anyone but its privacy officers.
    operation: `{ shop(handle: "almaz") { id handle name requestMetrics(year: 2026) { total { received pending } } } }`,
  },
  "Query.consentConfirmationLink": {
    public: "Opened from an emailed link without signing in; the token is the credential (a bad one here).",
    operation: `{ consentConfirmationLink(token: "not-a-token") { status purposes { key } } }`,
  },
  "Query.consentUnsubscribeLink": {
    public: "Opened from an emailed link without signing in; the token is the credential (a bad one here).",
    operation: `{ consentUnsubscribeLink(token: "not-a-token") { state purpose { key } } }`,
  },
  "Query.shops": { public: "Every shop's published privacy policy.", operation: "{ shops { id handle } }" },
  "Query.supportCustomers": {
    kind: "agent",
    operation: `query($q: String!) { supportCustomers(query: $q) { totalCount edges { node { id email displayName } } } }`,
    variables: (f) => ({ q: f.email }),
    empty: (data) => (data.supportCustomers as { totalCount: number }).totalCount === 0,
  },
  "Query.supportCustomer": {
    kind: "agent",
    operation: `query($id: ID!) { supportCustomer(id: $id) { id email displayName } }`,
    variables: (f) => ({ id: toGlobalId("Customer", f.ownerId) }),
    empty: isNull("supportCustomer"),
  },
  "Query.auditLog": {
    kind: "agent",
    privacyOfficerOnly: true,
    operation: `query($email: String) { auditLog(customerEmail: $email) { totalCount edges { node { id action } } } }`,
    variables: (f) => ({ email: f.email }),
  },
  "Query.auditLogAgents": {
    kind: "agent",
    privacyOfficerOnly: true,
    operation: "query { auditLogAgents { id email displayName } }",
  },
  "Query.apiScopes": {
    public: "The list of scopes an API key may carry, with what each opens: documentation.",
    operation: "{ apiScopes { key description } }",
  },
  "Query.apiKeys": {
    kind: "agent",
    privacyOfficerOnly: true,
    operation: "{ apiKeys { id name scopes secrets { prefix } } }",
  },
  "Query.customer": {
    kind: "customer",
    ownerIds: true,
    partnerAllowed: true,
    operation: `query($id: ID!) { customer(id: $id) { id email firstName consents { state } } }`,
    variables: (f) => ({ id: toGlobalId("Customer", f.ownerId) }),
    empty: isNull("customer"),
  },
  "Query.customerByEmail": {
    kind: "customer",
    ownerIds: true,
    partnerAllowed: true,
    operation: `query($email: String!) { customerByEmail(email: $email) { id email lastName } }`,
    variables: (f) => ({ email: f.email }),
    empty: isNull("customerByEmail"),
  },
  "Mutation.apiKeyCreate": {
    kind: "agent",
    privacyOfficerOnly: true,
    operation: `mutation { apiKeyCreate(input: { name: "Mallory", scopes: ["customers:read"] }) { apiKey { id } secret ${ERRORS} } }`,
  },
  "Mutation.apiKeyRotate": {
    kind: "agent",
    privacyOfficerOnly: true,
    operation: `mutation($id: ID!) { apiKeyRotate(id: $id) { apiKey { id } secret ${ERRORS} } }`,
    variables: (f) => ({ id: toGlobalId("ApiKey", f.apiKeyId) }),
  },
  "Mutation.apiKeyRevoke": {
    kind: "agent",
    privacyOfficerOnly: true,
    operation: `mutation($id: ID!) { apiKeyRevoke(id: $id) { apiKey { id status } ${ERRORS} } }`,
    variables: (f) => ({ id: toGlobalId("ApiKey", f.apiKeyId) }),
  },
  "Mutation._empty": { public: "A placeholder that returns null and does nothing.", operation: "mutation { _empty }" },
  "Mutation.consentUpdate": {
    kind: "customer",
    // Granting: refused to agents (they may record a withdrawal only).
    refusedForAgents: true,
    operation: `mutation($input: ConsentUpdateInput!) { consentUpdate(input: $input) { consents { state } ${ERRORS} } }`,
    partnerAllowed: true,
    // Names the owner: how a partner calls it (customers may name themselves).
    variables: (f) => ({
      input: { customerId: toGlobalId("Customer", f.ownerId), changes: [{ key: f.purposeKey, state: "GRANTED" }] },
    }),
  },
  "Mutation.consentApplyGlobalPrivacyControl": {
    kind: "customer",
    // The browser's own signal: only the customer's browser sends it.
    refusedForAgents: true,
    operation: `mutation { consentApplyGlobalPrivacyControl { consents { state } withdrawnPurposes { key } ${ERRORS} } }`,
  },
  "Mutation.consentConfirm": {
    public: "Follows an emailed double opt-in link without signing in (a bad token here).",
    operation: `mutation { consentConfirm(input: { token: "not-a-token" }) { confirmedPurposes { key } ${ERRORS} } }`,
  },
  "Mutation.consentUnsubscribe": {
    public: "Follows an emailed unsubscribe link without signing in (a bad token here).",
    operation: `mutation { consentUnsubscribe(input: { token: "not-a-token" }) { purpose { key } ${ERRORS} } }`,
  },
  "Mutation.customerUpdate": {
    kind: "customer",
    operation: `mutation { customerUpdate(input: { firstName: "Mallory" }) { customer { id email firstName } ${ERRORS} } }`,
  },
  "Mutation.addressCreate": {
    kind: "customer",
    operation: `mutation { addressCreate(input: { recipientName: "Mallory", line1: "Strada Falsă 1", city: "București",
      postalCode: "030031", country: "RO" }) { address { id } ${ERRORS} } }`,
  },
  "Mutation.addressUpdate": {
    kind: "customer",
    ownerIds: true,
    operation: `mutation($id: ID!) { addressUpdate(id: $id, input: { city: "Mallorca" }) { address { id line1 city } ${ERRORS} } }`,
    variables: (f) => ({ id: toGlobalId("Address", f.addressId) }),
  },
  "Mutation.addressDelete": {
    kind: "customer",
    ownerIds: true,
    operation: `mutation($id: ID!) { addressDelete(id: $id) { deletedAddressId ${ERRORS} } }`,
    variables: (f) => ({ id: toGlobalId("Address", f.addressId) }),
  },
  "Mutation.customerEmailChangeRequest": {
    kind: "customer",
    refusedForAgents: true,
    operation: `mutation($input: CustomerEmailChangeRequestInput!) { customerEmailChangeRequest(input: $input) { pendingEmail ${ERRORS} } }`,
    variables: () => ({ input: { newEmail: uniqueEmail("mallory"), password: TEST_PASSWORD } }),
  },
  "Mutation.customerEmailChangeConfirm": {
    kind: "customer",
    refusedForAgents: true,
    operation: `mutation { customerEmailChangeConfirm(input: { token: "not-a-token" }) { customer { id email } ${ERRORS} } }`,
  },
  "Mutation.accountDeletionRequest": {
    kind: "customer",
    refusedForAgents: true,
    operation: `mutation($input: AccountDeletionRequestInput!) { accountDeletionRequest(input: $input) { deletionRequest { id } ${ERRORS} } }`,
    variables: () => ({ input: { password: TEST_PASSWORD, confirmation: "DELETE" } }),
  },
  "Mutation.accountDeletionConfirm": {
    kind: "customer",
    refusedForAgents: true,
    operation: `mutation { accountDeletionConfirm(input: { token: "not-a-token" }) { deletionRequest { id } ${ERRORS} } }`,
  },
  "Mutation.accountDeletionCancel": {
    kind: "customer",
    operation: `mutation { accountDeletionCancel { deletionRequest { id } ${ERRORS} } }`,
  },
  "Mutation.exportCreate": {
    kind: "customer",
    refusedForAgents: true,
    // A start date in the future: refused after authorization, so callers who may ask
    // (other customers, for their own accounts) queue no export job, which other test
    // files sharing the PostgreSQL job table would otherwise run as theirs.
    operation: `mutation { exportCreate(input: { format: JSON, from: "2999-01-01" }) { export { id } ${ERRORS} } }`,
  },
  "Mutation.sessionReauthenticate": {
    kind: "customer",
    refusedForAgents: true,
    operation: `mutation($input: SessionReauthenticateInput!) { sessionReauthenticate(input: $input) { authenticatedAt ${ERRORS} } }`,
    variables: () => ({ input: { password: TEST_PASSWORD } }),
  },
  "Mutation.dataReveal": {
    kind: "customer",
    ownerIds: true,
    // Revealing is for privacy officers; the agents here are SUPPORT.
    refusedForAgents: true,
    operation: `mutation($input: DataRevealInput!) { dataReveal(input: $input) { value ${ERRORS} } }`,
    variables: (f) => ({ input: { recordId: toGlobalId("Customer", f.ownerId), field: "nationalId" } }),
  },
  "Mutation.impersonationStart": {
    kind: "agent",
    operation: `mutation($input: ImpersonationStartInput!) { impersonationStart(input: $input) {
      impersonation { id customer { id email } } ${ERRORS} } }`,
    variables: (f) => ({
      input: { customerId: toGlobalId("Customer", f.ownerId), reason: "Checking a suspicious order", ticket: "T-666" },
    }),
  },
  "Mutation.impersonationEnd": {
    kind: "agent",
    operation: `mutation { impersonationEnd { impersonation { id customer { id email } } ${ERRORS} } }`,
    skip: { otherShopAgent: "It takes no input: an agent ends only their own session, in their own shop." },
  },
  "Mutation.supportAccessGrant": {
    kind: "customer",
    refusedForAgents: true,
    operation: `mutation { supportAccessGrant(input: { duration: HOURS_24 }) { supportAccess { isAllowed } ${ERRORS} } }`,
  },
  "Mutation.supportAccessRevoke": {
    kind: "customer",
    refusedForAgents: true,
    operation: `mutation { supportAccessRevoke { supportAccess { isAllowed } ${ERRORS} } }`,
  },
  // --- Connected accounts (issue 13): the customer's own, never an agent's or a key's.
  "Mutation.connectedAccountUnlink": {
    kind: "customer",
    refusedForAgents: true,
    operation: `mutation { connectedAccountUnlink(input: { provider: FACEBOOK, eraseProvidedData: true }) { connectedAccount { provider providedData { value } } ${ERRORS} } }`,
  },
  "Mutation.connectedAccountEraseProvidedData": {
    kind: "customer",
    refusedForAgents: true,
    operation: `mutation { connectedAccountEraseProvidedData(input: { provider: FACEBOOK }) { connectedAccount { provider providedData { value } } ${ERRORS} } }`,
  },
  "Mutation.customerPasswordSet": {
    kind: "customer",
    refusedForAgents: true,
    operation: `mutation { customerPasswordSet(input: { password: "mallory-password-1" }) { customer { id email } ${ERRORS} } }`,
  },
  // --- Webhooks (issue 12): console fields for privacy officers (partner keys with and
  // without the scope are covered in webhooks-access.test.ts).
  "Query.webhookEndpoints": {
    kind: "agent",
    privacyOfficerOnly: true,
    partnerOwnEndpoints: true,
    operation: "query { webhookEndpoints { id url events } }",
  },
  "Query.webhookEndpoint": {
    kind: "agent",
    privacyOfficerOnly: true,
    // A key with webhooks:manage asking for the shop's endpoint gets nothing (its own only).
    partnerOwnEndpoints: true,
    operation: `query($id: ID!) { webhookEndpoint(id: $id) { id url events deliveries { edges { node { id } } } } }`,
    variables: (f) => ({ id: toGlobalId("WebhookEndpoint", f.endpointId) }),
    empty: isNull("webhookEndpoint"),
  },
  "Query.webhookEventTypes": {
    public: "The list of event types an endpoint can subscribe to: the same static list for everyone.",
    operation: "query { webhookEventTypes { type requiredScope } }",
  },
  "Mutation.webhookEndpointCreate": {
    kind: "agent",
    privacyOfficerOnly: true,
    partnerOwnEndpoints: true,
    operation: `mutation($input: WebhookEndpointCreateInput!) { webhookEndpointCreate(input: $input) { webhookEndpoint { id } secret ${ERRORS} } }`,
    variables: () => ({ input: { url: "https://partner.example/hooks", events: ["consent.updated"] } }),
  },
  "Mutation.webhookEndpointUpdate": {
    kind: "agent",
    privacyOfficerOnly: true,
    operation: `mutation($id: ID!) { webhookEndpointUpdate(id: $id, input: { description: "x" }) { webhookEndpoint { id } ${ERRORS} } }`,
    variables: (f) => ({ id: toGlobalId("WebhookEndpoint", f.endpointId) }),
  },
  "Mutation.webhookEndpointDelete": {
    kind: "agent",
    privacyOfficerOnly: true,
    operation: `mutation($id: ID!) { webhookEndpointDelete(id: $id) { webhookEndpoint { id } ${ERRORS} } }`,
    variables: (f) => ({ id: toGlobalId("WebhookEndpoint", f.endpointId) }),
  },
  "Mutation.webhookEndpointRotateSecret": {
    kind: "agent",
    privacyOfficerOnly: true,
    operation: `mutation($id: ID!) { webhookEndpointRotateSecret(id: $id) { webhookEndpoint { id } secret ${ERRORS} } }`,
    variables: (f) => ({ id: toGlobalId("WebhookEndpoint", f.endpointId) }),
  },
  "Mutation.webhookDeliveryReplay": {
    kind: "agent",
    privacyOfficerOnly: true,
    operation: `mutation($id: ID!) { webhookDeliveryReplay(id: $id) { webhookDelivery { id } ${ERRORS} } }`,
    variables: (f) => ({ id: toGlobalId("WebhookDelivery", f.deliveryId) }),
  },
  "Mutation.webhookDeliveriesReplay": {
    kind: "agent",
    privacyOfficerOnly: true,
    operation: `mutation($input: WebhookDeliveriesReplayInput!) { webhookDeliveriesReplay(input: $input) { replayedCount ${ERRORS} } }`,
    variables: (f) => ({
      input: { endpointId: toGlobalId("WebhookEndpoint", f.endpointId), since: new Date(0).toISOString() },
    }),
  },
  // --- end of webhooks
  // --- Invited friends (issue 14): the customer's own, never an agent's or a key's; the
  // friend's link page and objection take the link's token as their only credential.
  "Query.invitationLink": {
    public: "Opened from an invitation's link without signing in; the token is the credential (a bad one here).",
    operation: `{ invitationLink(token: "not-a-token") { status inviterName friendEmail canObject canAccept } }`,
  },
  "Mutation.invitationObjection": {
    public: "The invited friend's objection from the notice's link, without an account (a bad token here).",
    operation: `mutation { invitationObjection(input: { token: "not-a-token" }) { shop { handle } isAlreadyObjected ${ERRORS} } }`,
  },
  "Mutation.invitationCreate": {
    kind: "customer",
    refusedForAgents: true,
    // A share link: other customers who may invite make one of their own and no mail.
    operation: `mutation { invitationCreate(input: { channel: LINK }) { invitation { id status link } ${ERRORS} } }`,
  },
  "Mutation.invitationWithdraw": {
    kind: "customer",
    ownerIds: true,
    refusedForAgents: true,
    operation: `mutation($id: ID!) { invitationWithdraw(id: $id) { invitation { id status friendEmail link } ${ERRORS} } }`,
    variables: (f) => ({ id: toGlobalId("Invitation", f.invitationId) }),
  },
  "Mutation.invitationsEraseFriendDetails": {
    kind: "customer",
    refusedForAgents: true,
    operation: `mutation { invitationsEraseFriendDetails { erasedCount ${ERRORS} } }`,
  },
  // --- end of invited friends
  // --- Rights requests: the customer's own; staff of the shop work the queue (privacy
  // officers decide, extend, check and assign); partners file with requests:write and
  // read with requests:read. Further roles (another shop's privacy officer, keys with
  // one of the two scopes, who sees the metrics) are in the block after the table.
  "Query.rightsRequestQueue": {
    kind: "agent",
    // Filtered to the officer the owner's request is assigned to: another shop's queue
    // has nothing of theirs.
    operation: `query($filter: RightsRequestQueueFilter) { rightsRequestQueue(filter: $filter) { openCount
      requests { totalCount edges { node { id details customer { id email } } } } } }`,
    variables: (f) => ({ filter: { assignedToId: toGlobalId("Agent", f.officerId) } }),
    empty: (data) => (data.rightsRequestQueue as { requests: { totalCount: number } }).requests.totalCount === 0,
  },
  "Query.rightsRequest": {
    kind: "customer",
    ownerIds: true,
    // A key with requests:read reads its shop's requests.
    partnerAllowed: true,
    operation: `query($id: ID!) { rightsRequest(id: $id) { id details representativeName representativeProof
      customer { id email } events { message } } }`,
    variables: (f) => ({ id: toGlobalId("RightsRequest", f.requestId) }),
    empty: isNull("rightsRequest"),
    skip: {
      agentWithoutSession: STAFF_READ_REQUESTS,
      agentRefused: STAFF_READ_REQUESTS,
      agentExpired: STAFF_READ_REQUESTS,
    },
  },
  "Query.customerRightsRequests": {
    kind: "customer",
    ownerIds: true,
    // For partners' keys only (requests:read); customers and staff see requests elsewhere.
    partnerAllowed: true,
    refusedForAgents: true,
    operation: `query($c: ID!) { customerRightsRequests(customerId: $c) { totalCount edges { node { id details } } } }`,
    variables: (f) => ({ c: toGlobalId("Customer", f.ownerId) }),
  },
  "Mutation.rightsRequestCreate": {
    kind: "customer",
    ownerIds: true,
    // A key with requests:write files for its shop's customers.
    partnerAllowed: true,
    // Names the owner and a representative, as a partner or staff file it.
    operation: `mutation($input: RightsRequestCreateInput!) { rightsRequestCreate(input: $input) {
      request { id details customer { id email } } ${ERRORS} } }`,
    variables: (f) => ({
      input: {
        type: "OBJECTION",
        purposes: ["research-and-analysis"],
        details: "Mallory objects for the owner.",
        customerId: toGlobalId("Customer", f.ownerId),
        representative: { name: "Mallory Representative", proof: "A forged power of attorney, kept nowhere." },
      },
    }),
    skip: {
      agentWithoutSession: STAFF_RECORD_FILINGS,
      agentRefused: STAFF_RECORD_FILINGS,
      agentExpired: STAFF_RECORD_FILINGS,
    },
  },
  "Mutation.rightsRequestAddInformation": {
    kind: "customer",
    ownerIds: true,
    refusedForAgents: true,
    operation: `mutation($input: RightsRequestAddInformationInput!) { rightsRequestAddInformation(input: $input) {
      request { id details events { message } } ${ERRORS} } }`,
    variables: (f) => ({ input: { id: toGlobalId("RightsRequest", f.requestId), message: "Mallory adds this." } }),
  },
  "Mutation.rightsRequestWithdraw": {
    kind: "customer",
    ownerIds: true,
    refusedForAgents: true,
    operation: `mutation($id: ID!) { rightsRequestWithdraw(id: $id) { request { id status details } ${ERRORS} } }`,
    variables: (f) => ({ id: toGlobalId("RightsRequest", f.requestId) }),
  },
  "Mutation.rightsRequestAssign": {
    kind: "agent",
    privacyOfficerOnly: true,
    operation: `mutation($input: RightsRequestAssignInput!) { rightsRequestAssign(input: $input) {
      request { id details assignedTo { id } } ${ERRORS} } }`,
    variables: (f) => ({ input: { id: toGlobalId("RightsRequest", f.requestId), agentId: null } }),
  },
  "Mutation.rightsRequestAddNote": {
    kind: "agent",
    // Any staff member of the shop notes; another shop's agent finds nothing.
    operation: `mutation($input: RightsRequestNoteInput!) { rightsRequestAddNote(input: $input) {
      request { id details events { message } } ${ERRORS} } }`,
    variables: (f) => ({ input: { id: toGlobalId("RightsRequest", f.requestId), note: "Mallory's note." } }),
  },
  "Mutation.rightsRequestExtend": {
    kind: "agent",
    privacyOfficerOnly: true,
    operation: `mutation($input: RightsRequestReasonInput!) { rightsRequestExtend(input: $input) {
      request { id dueOn details } ${ERRORS} } }`,
    variables: (f) => ({
      input: { id: toGlobalId("RightsRequest", f.requestId), reason: "Mallory wants more time for this." },
    }),
  },
  "Mutation.rightsRequestDecide": {
    kind: "agent",
    privacyOfficerOnly: true,
    operation: `mutation($input: RightsRequestDecideInput!) { rightsRequestDecide(input: $input) {
      request { id status outcome details } ${ERRORS} } }`,
    variables: (f) => ({
      input: {
        id: toGlobalId("RightsRequest", f.requestId),
        outcome: "REFUSED",
        reason: "Mallory refuses this request for no reason.",
      },
    }),
  },
  "Mutation.rightsRequestVerify": {
    kind: "agent",
    privacyOfficerOnly: true,
    operation: `mutation($input: RightsRequestVerifyInput!) { rightsRequestVerify(input: $input) {
      request { id status representativeProof } ${ERRORS} } }`,
    variables: (f) => ({
      input: {
        id: toGlobalId("RightsRequest", f.awaitingRequestId),
        isAccepted: true,
        reason: "Mallory says the proof holds.",
      },
    }),
  },
  "Mutation.restrictionLift": {
    kind: "agent",
    privacyOfficerOnly: true,
    operation: `mutation($input: RightsRequestReasonInput!) { restrictionLift(input: $input) {
      request { id customer { id isRestricted } } ${ERRORS} } }`,
    variables: (f) => ({
      input: { id: toGlobalId("RightsRequest", f.requestId), reason: "Mallory lifts the restriction." },
    }),
  },
  // --- end of rights requests
  "Mutation.customerSignUp": {
    public: "Opens a new account; it touches no existing one.",
    operation: `mutation($input: CustomerSignUpInput!) { customerSignUp(input: $input) { customer { id email } ${ERRORS} } }`,
    variables: () => ({
      input: {
        shop: "almaz",
        email: uniqueEmail("signup"),
        password: TEST_PASSWORD,
        firstName: "New",
        lastName: "Person",
      },
    }),
  },
};

const DENIED = new Set(["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"]);
// A caller acting on their own account may get any expected failure.
const EXPECTED = new Set([...DENIED, "INVALID_INPUT", "CONFLICT", "RATE_LIMITED"]);

const ROLES: Role[] = [
  "signedOut",
  "owner",
  "sameShopCustomer",
  "otherShopCustomer",
  "otherShopAgent",
  "agentWithoutSession",
  "agentRefused",
  "agentExpired",
  "partnerOtherShop",
  "partnerSameShop",
  "partnerWithoutScope",
];

// What the role must get: "denied" (an error code in DENIED, or the empty answer), or
// "isolated" (the caller acts on their own account or customer; nothing of the owner's).
function expectationOf(c: Case | PublicCase, role: Role): "denied" | "isolated" | null {
  if ("public" in c) return role === "signedOut" ? "isolated" : null;
  if (c.skip?.[role]) return null;
  if (role === "signedOut") return "denied";
  if (role === "partnerSameShop" && c.partnerAllowed) return null;
  if (c.partnerOwnEndpoints && (role === "partnerSameShop" || role === "partnerOtherShop")) return "isolated";
  if (role.startsWith("partner")) return "denied";
  if (c.kind === "agent") {
    if (c.privacyOfficerOnly && ["agentWithoutSession", "agentRefused"].includes(role)) return "denied";
    return ["owner", "sameShopCustomer", "otherShopCustomer", "otherShopAgent"].includes(role) ? "denied" : null;
  }
  switch (role) {
    case "owner":
      return null;
    case "sameShopCustomer":
    case "otherShopCustomer":
      return c.ownerIds ? "denied" : "isolated";
    case "otherShopAgent":
      return c.ownerIds || c.refusedForAgents ? "denied" : "isolated";
    case "agentWithoutSession":
    case "agentExpired":
      return "denied";
    case "agentRefused":
      return c.refusedForAgents ? "denied" : null;
    default:
      return "denied";
  }
}

function codesOf(result: GqlResult): string[] {
  const codes = (result.errors ?? []).map((e) => String(e.extensions?.code ?? "NO_CODE"));
  for (const value of Object.values(result.data ?? {})) {
    const errors = (value as { userErrors?: { code: string }[] } | null)?.userErrors;
    if (errors) codes.push(...errors.map((e) => e.code));
  }
  return codes;
}

// The shop's own endpoint, made by its privacy officer, with one delivered event.
async function webhookFixture(shopId: string): Promise<{ endpointId: string; deliveryId: string }> {
  const officer = await agentViewer({ shop: "almaz", role: "PRIVACY_OFFICER" });
  const { webhookEndpoint } = await createWebhookEndpoint({
    viewer: officer,
    input: { url: "https://fixture-receiver.example/hooks", events: ["consent.updated"] },
  });
  const prisma = getPrisma();
  const event = await prisma.webhookEvent.create({
    data: { shopId, type: "consent.updated", payload: { type: "consent.updated", data: {} } },
  });
  const delivery = await prisma.webhookDelivery.create({
    data: {
      eventId: event.id,
      endpointId: webhookEndpoint.id,
      status: "SUCCEEDED",
      attempts: 1,
      finishedAt: new Date(),
    },
  });
  return { endpointId: webhookEndpoint.id, deliveryId: delivery.id };
}

describe("denied access, for every field of the schema", () => {
  const viewers = {} as Record<Role, Viewer>;
  let f: Fixtures;
  let secrets: string[];

  beforeAll(async () => {
    const owner = await viewerWithHistory({ shop: "almaz", orderCount: 1 });
    const prisma = getPrisma();
    const tag = owner.customerId.slice(0, 8);
    const customer = await prisma.customer.update({
      where: { id: owner.customerId },
      data: { firstName: `Ownerfirst${tag}`, lastName: `Ownerlast${tag}` },
    });
    const address = await prisma.address.create({
      data: {
        customerId: owner.customerId,
        recipientName: "Owner",
        line1: `Strada Secretă ${tag}`,
        city: "Iași",
        postalCode: "700001",
        country: "RO",
      },
    });
    const order = await prisma.order.findFirstOrThrow({ where: { customerId: owner.customerId } });
    const exported = await prisma.export.create({
      data: { shopId: owner.shop.id, customerId: owner.customerId, format: "JSON", categories: [] },
    });
    // The owner's invitations: a share link made as the owner (no mail), and an emailed
    // one written directly (its friend's address and name must never show to anyone else).
    const { invitation } = await createInvitation({ viewer: owner, input: { channel: "LINK" } });
    const friendEmail = `friend-of-${tag}@test.example`;
    const emailed = await prisma.invitation.create({
      data: {
        shopId: owner.shop.id,
        customerId: owner.customerId,
        channel: "EMAIL",
        friendEmail,
        friendName: `Friendname${tag}`,
        friendEmailHash: suppressionHash(friendEmail),
        expiresAt: new Date(Date.now() + 30 * 86_400_000),
      },
    });
    // Far in the future, so that another file's retention sweep on a shared database
    // (which may run with a "now" years ahead) never expires them during a case.
    await prisma.invitation.updateMany({
      where: { id: { in: [invitation.id, emailed.id] } },
      data: { expiresAt: new Date("2999-01-01T00:00:00Z") },
    });
    // The owner's rights requests: one open and assigned to the shop's privacy officer,
    // one filed by a representative through a partner (awaiting the officer's check).
    const officer = await agentViewer({ shop: "almaz", role: "PRIVACY_OFFICER" });
    const { request } = await createRightsRequest({
      viewer: owner,
      input: { type: "RESTRICTION", categories: ["contact"], details: `Requestdetails${tag} about my phone` },
    });
    await assignRequest({ viewer: officer, input: { id: request.id, agentId: officer.agent.id } });
    const filer = await partnerKey({ shop: "almaz", scopes: ["requests:write"], name: "Fixture filer" });
    const { request: awaiting } = await createRightsRequest({
      viewer: filer.viewer,
      input: {
        type: "OBJECTION",
        purposes: ["research-and-analysis"],
        details: `Objectiondetails${tag} for the owner`,
        customerId: owner.customerId,
        representative: { name: `Repname${tag}`, proof: `Repproof${tag}: a signed authorisation on file.` },
      },
    });
    expect(awaiting.status).toBe("AWAITING_VERIFICATION");
    const shareLink = invitation.link ?? "";
    expect(shareLink).toContain("/almaz/invitation?token=");
    f = {
      shop: "almaz",
      ownerId: owner.customerId,
      email: customer.email,
      firstName: customer.firstName,
      lastName: customer.lastName,
      addressId: address.id,
      orderId: order.id,
      exportId: exported.id,
      purposeKey: "marketing:post:offers",
      apiKeyId: (await partnerKey({ shop: "almaz", name: "Fixture key" })).apiKeyId,
      ...(await webhookFixture(owner.shop.id)),
      invitationId: invitation.id,
      requestId: request.id,
      awaitingRequestId: awaiting.id,
      officerId: officer.agent.id,
    };
    secrets = [
      f.email,
      f.firstName,
      f.lastName,
      address.line1,
      "fixture-receiver.example",
      friendEmail,
      `Friendname${tag}`,
      new URL(shareLink).searchParams.get("token") ?? shareLink,
      `Requestdetails${tag}`,
      `Objectiondetails${tag}`,
      `Repname${tag}`,
      `Repproof${tag}`,
      ...[
        ["Customer", f.ownerId],
        ["Address", f.addressId],
        ["Order", f.orderId],
        ["Export", f.exportId],
        ["WebhookEndpoint", f.endpointId],
        ["WebhookDelivery", f.deliveryId],
        ["Invitation", f.invitationId],
        ["Invitation", emailed.id],
        ["RightsRequest", f.requestId],
        ["RightsRequest", f.awaitingRequestId],
      ].flatMap(([type, id]) => [id as string, toGlobalId(type as string, id as string)]),
    ];

    const foreignAgent = await agentViewer({ shop: "allegra" });
    const foreignCustomer = await signedInViewer({ shop: "allegra" });
    const expiring = await impersonating(await agentViewer({ shop: "almaz" }), owner.customerId);
    await prisma.impersonation.update({
      where: { id: expiring.impersonation?.id as string },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    Object.assign(viewers, {
      signedOut: ANONYMOUS,
      owner,
      sameShopCustomer: await signedInViewer({ shop: "almaz" }),
      otherShopCustomer: await signedInViewer({ shop: "allegra" }),
      otherShopAgent: await impersonating(foreignAgent, foreignCustomer.customerId),
      agentWithoutSession: await agentViewer({ shop: "almaz" }),
      agentRefused: await impersonating(await agentViewer({ shop: "almaz" }), owner.customerId),
      agentExpired: await resolveSessionViewer(expiring.sessionId, NO_REQUEST, "agent"),
      partnerOtherShop: (await partnerKey({ shop: "allegra", scopes: [...API_SCOPES] })).viewer,
      partnerSameShop: (await partnerKey({ shop: "almaz", scopes: [...API_SCOPES] })).viewer,
      partnerWithoutScope: (await partnerKey({ shop: "almaz", scopes: ["policy:read"] })).viewer,
    } satisfies Record<Role, Viewer>);
    expect((viewers.agentExpired as AgentViewer).impersonation).toBeNull();
    expect((viewers.owner as CustomerViewer).customerId).toBe(f.ownerId);
  });

  const rowsOf = async () => {
    const prisma = getPrisma();
    const customerId = f.ownerId;
    return {
      auditEvent: await prisma.auditEvent.count({ where: { customerId } }),
      address: await prisma.address.count({ where: { customerId } }),
      consentRecord: await prisma.consentRecord.count({ where: { customerId } }),
      export: await prisma.export.count({ where: { customerId } }),
      emailChangeRequest: await prisma.emailChangeRequest.count({ where: { customerId } }),
      deletionRequest: await prisma.deletionRequest.count({ where: { customerId } }),
      customer: JSON.stringify(await prisma.customer.findUniqueOrThrow({ where: { id: customerId } })),
      addressRow: JSON.stringify(await prisma.address.findUnique({ where: { id: f.addressId } })),
      endpoint: JSON.stringify(await prisma.webhookEndpoint.findUnique({ where: { id: f.endpointId } })),
      delivery: JSON.stringify(
        await prisma.webhookDelivery.findUnique({ where: { id: f.deliveryId }, include: { attemptsLog: true } }),
        (_key, value) => (typeof value === "bigint" ? String(value) : value),
      ),
      apiKey: JSON.stringify(await prisma.apiKey.findUnique({ where: { id: f.apiKeyId }, include: { secrets: true } })),
      invitations: JSON.stringify(await prisma.invitation.findMany({ where: { customerId }, orderBy: { id: "asc" } })),
      rightsRequests: JSON.stringify(
        await prisma.rightsRequest.findMany({
          where: { customerId },
          orderBy: { id: "asc" },
          include: { events: { orderBy: { id: "asc" } } },
        }),
      ),
    };
  };

  it("has one case for every field of Query and Mutation", () => {
    const fields = ["Query", "Mutation"].flatMap((type) => {
      const object = type === "Query" ? schema.getQueryType() : schema.getMutationType();
      return Object.keys(object?.getFields() ?? {}).map((name) => `${type}.${name}`);
    });
    expect(Object.keys(CASES).sort()).toEqual(fields.sort());
    for (const [key, c] of Object.entries(CASES)) {
      if ("public" in c) expect(c.public.length, key).toBeGreaterThan(10);
    }
  });

  const runs = Object.entries(CASES).flatMap(([key, c]) =>
    ROLES.flatMap((role) => {
      const expectation = expectationOf(c, role);
      return expectation ? [{ key, c, role, expectation }] : [];
    }),
  );

  it.each(runs)("$key as $role: $expectation", async ({ c, role, expectation }) => {
    const viewer = viewers[role];
    const before = await rowsOf();
    const auditSequence = await getPrisma().auditEvent.aggregate({
      _max: { sequence: true },
      where: { shopId: (viewers.owner as CustomerViewer).shop.id },
    });
    const result = await gql(c.operation, c.variables?.(f) ?? {}, viewer);
    const text = JSON.stringify(result);
    for (const secret of secrets) expect(text, `${secret} leaked`).not.toContain(secret);
    const codes = codesOf(result);
    expect(
      codes.filter((code) => !EXPECTED.has(code)),
      text,
    ).toEqual([]);
    if (expectation === "denied") {
      const isEmpty = "empty" in c && c.empty && result.data ? c.empty(result.data) : false;
      if (codes.length === 0) expect(isEmpty, text).toBe(true);
      else
        expect(
          codes.filter((code) => !DENIED.has(code)),
          text,
        ).toEqual([]);
      // A refused mutation returns no payload besides its userErrors.
      for (const value of Object.values(result.data ?? {})) {
        if (value && typeof value === "object" && "userErrors" in value) {
          for (const [field, v] of Object.entries(value))
            if (field !== "userErrors") expect(v, `${field}: ${text}`).toBeNull();
        }
      }
    }
    const after = await rowsOf();
    // The one row a refusal of the agent acting in the owner's account leaves: the refusal.
    const newEvents = await getPrisma().auditEvent.findMany({
      where: { customerId: f.ownerId, sequence: { gt: auditSequence._max.sequence ?? 0 } },
      select: { action: true, actorType: true },
    });
    if (role === "agentRefused") {
      expect(
        newEvents.every((e) => e.action === "impersonation.refused" && e.actorType === "AGENT"),
        text,
      ).toBe(true);
      after.auditEvent -= newEvents.length;
    } else {
      expect(newEvents, text).toEqual([]);
    }
    expect(after).toEqual(before);
  });

  // The Query.viewer case, nested: the owner's invitations are in the answer the owner
  // gets (so the query would show them), and in nobody else's, while each customer's
  // own list still resolves.
  it("shows the owner's invitations to the owner only", async () => {
    const query = `{ viewer { customer { id invitations { totalCount edges { node { id channel friendEmail link } } } } } }`;
    type Listed = {
      viewer: { customer: { invitations: { totalCount: number; edges: { node: { id: string } }[] } } | null };
    };
    const ownerAnswer = await gql(query, {}, viewers.owner);
    expect(ownerAnswer.errors).toBeUndefined();
    const ownIds = (ownerAnswer.data as Listed).viewer.customer?.invitations.edges.map((e) => e.node.id) ?? [];
    expect(ownIds).toContain(toGlobalId("Invitation", f.invitationId));
    expect(ownIds).toHaveLength(2);
    for (const role of ["sameShopCustomer", "otherShopCustomer", "otherShopAgent"] as const) {
      const result = await gql(query, {}, viewers[role]);
      expect(result.errors, role).toBeUndefined();
      const customer = (result.data as Listed).viewer.customer;
      expect(customer, role).not.toBeNull();
      const ids = customer?.invitations.edges.map((e) => e.node.id) ?? [];
      for (const id of ownIds) expect(ids, role).not.toContain(id);
      const text = JSON.stringify(result);
      for (const secret of secrets) expect(text, `${role}: ${secret} leaked`).not.toContain(secret);
    }
  });

  // Rights requests, beyond the table's roles.
  describe("rights requests", () => {
    const REQUEST = `query($id: ID!) { rightsRequest(id: $id) { id details representativeProof customer { email } } }`;
    const PARTNER_LIST = `query($c: ID!) { customerRightsRequests(customerId: $c) { totalCount edges { node { id details } } } }`;
    const CREATE = `mutation($input: RightsRequestCreateInput!) { rightsRequestCreate(input: $input) { request { id } ${ERRORS} } }`;
    const STAFF: [string, string, (f: Fixtures) => Record<string, unknown>][] = [
      [
        "rightsRequestAssign(input: { id: $id, agentId: null })",
        "request { id }",
        (f) => ({ id: toGlobalId("RightsRequest", f.requestId) }),
      ],
      [
        'rightsRequestAddNote(input: { id: $id, note: "Another shop\'s note." })',
        "request { id }",
        (f) => ({ id: toGlobalId("RightsRequest", f.requestId) }),
      ],
      [
        'rightsRequestExtend(input: { id: $id, reason: "Another shop wants more time." })',
        "request { id }",
        (f) => ({ id: toGlobalId("RightsRequest", f.requestId) }),
      ],
      [
        'rightsRequestDecide(input: { id: $id, outcome: GRANTED, reason: "Another shop grants it." })',
        "request { id }",
        (f) => ({ id: toGlobalId("RightsRequest", f.requestId) }),
      ],
      [
        'rightsRequestVerify(input: { id: $id, isAccepted: true, reason: "Another shop checked it." })',
        "request { id }",
        (f) => ({ id: toGlobalId("RightsRequest", f.awaitingRequestId) }),
      ],
      [
        'restrictionLift(input: { id: $id, reason: "Another shop lifts it." })',
        "request { id }",
        (f) => ({ id: toGlobalId("RightsRequest", f.requestId) }),
      ],
    ];
    const noSecrets = (text: string) => {
      for (const secret of secrets) expect(text, `${secret} leaked`).not.toContain(secret);
    };

    it("another shop's privacy officer finds nothing of the owner's and changes nothing", async () => {
      const foreignOfficer = await agentViewer({ shop: "allegra", role: "PRIVACY_OFFICER" });
      const before = await rowsOf();
      const one = await gql(REQUEST, { id: toGlobalId("RightsRequest", f.requestId) }, foreignOfficer);
      expect(one.errors).toBeUndefined();
      expect((one.data as { rightsRequest: unknown }).rightsRequest).toBeNull();
      const queue = await gql(
        `query($a: ID) { rightsRequestQueue(filter: { assignedToId: $a }) { requests { totalCount edges { node { id } } } } }`,
        { a: toGlobalId("Agent", f.officerId) },
        foreignOfficer,
      );
      expect(queue.errors).toBeUndefined();
      expect(
        (queue.data as { rightsRequestQueue: { requests: { totalCount: number } } }).rightsRequestQueue.requests
          .totalCount,
      ).toBe(0);
      noSecrets(JSON.stringify([one, queue]));
      for (const [field, selection, variables] of STAFF) {
        const result = await gql(
          `mutation($id: ID!) { ${field} { ${selection} ${ERRORS} } }`,
          variables(f),
          foreignOfficer,
        );
        const text = JSON.stringify(result);
        expect(result.errors, text).toBeUndefined();
        expect(codesOf(result), text).toEqual(["NOT_FOUND"]);
        noSecrets(text);
      }
      // Filing for the owner as another shop's staff: the customer is not theirs.
      const filed = await gql(
        CREATE,
        {
          input: {
            type: "RESTRICTION",
            details: "Filed by another shop.",
            customerId: toGlobalId("Customer", f.ownerId),
            representative: { name: "Another shop", proof: "Another shop's proof of nothing." },
          },
        },
        foreignOfficer,
      );
      expect(codesOf(filed)).toEqual(["NOT_FOUND"]);
      expect(await rowsOf()).toEqual(before);
    });

    it("a partner's key needs requests:read to read and requests:write to file", async () => {
      const before = await rowsOf();
      const owner = { c: toGlobalId("Customer", f.ownerId), id: toGlobalId("RightsRequest", f.requestId) };
      const input = {
        type: "AUTOMATED_DECISION",
        details: "Filed by a key without the scope.",
        customerId: owner.c,
      };
      const allButRequests = API_SCOPES.filter((scope) => !scope.startsWith("requests:"));
      for (const scopes of [allButRequests, ["requests:write" as const]]) {
        const key = (await partnerKey({ shop: "almaz", scopes })).viewer;
        for (const [query, variables] of [
          [REQUEST, { id: owner.id }],
          [PARTNER_LIST, { c: owner.c }],
        ] as const) {
          const result = await gql(query, variables, key);
          expect(codesOf(result), `${scopes.join()}: ${JSON.stringify(result)}`).toEqual(["FORBIDDEN"]);
          noSecrets(JSON.stringify(result));
        }
      }
      for (const scopes of [allButRequests, ["requests:read" as const]]) {
        const key = (await partnerKey({ shop: "almaz", scopes })).viewer;
        const result = await gql(CREATE, { input }, key);
        expect(codesOf(result), scopes.join()).toEqual(["FORBIDDEN"]);
      }
      expect(await rowsOf()).toEqual(before);
      // With requests:read: the owner's requests, without the representative's proof (the
      // read is in the owner's access log).
      const reader = (await partnerKey({ shop: "almaz", scopes: ["requests:read"] })).viewer;
      const awaiting = await gql(REQUEST, { id: toGlobalId("RightsRequest", f.awaitingRequestId) }, reader);
      expect(awaiting.errors).toBeUndefined();
      const seen = (awaiting.data as { rightsRequest: { id: string; representativeProof: string | null } | null })
        .rightsRequest;
      expect(seen?.id).toBe(toGlobalId("RightsRequest", f.awaitingRequestId));
      expect(seen?.representativeProof).toBeNull();
    });

    // The Query.viewer case, nested: the owner's requests are in the owner's answer and
    // in nobody else's, while each customer's own list still resolves.
    it("shows the owner's requests to the owner only", async () => {
      const query = `{ viewer { customer { id rightsRequests { requests { totalCount edges { node { id details } } } } } } }`;
      type Listed = {
        viewer: { customer: { rightsRequests: { requests: { edges: { node: { id: string } }[] } } } | null };
      };
      const ownerAnswer = await gql(query, {}, viewers.owner);
      expect(ownerAnswer.errors).toBeUndefined();
      const ownIds = (ownerAnswer.data as Listed).viewer.customer?.rightsRequests.requests.edges.map((e) => e.node.id);
      expect(ownIds?.sort()).toEqual(
        [toGlobalId("RightsRequest", f.requestId), toGlobalId("RightsRequest", f.awaitingRequestId)].sort(),
      );
      for (const role of ["sameShopCustomer", "otherShopCustomer", "otherShopAgent"] as const) {
        const result = await gql(query, {}, viewers[role]);
        expect(result.errors, role).toBeUndefined();
        const customer = (result.data as Listed).viewer.customer;
        expect(customer, role).not.toBeNull();
        const ids = customer?.rightsRequests.requests.edges.map((e) => e.node.id) ?? [];
        for (const id of ownIds ?? []) expect(ids, role).not.toContain(id);
        noSecrets(JSON.stringify(result));
      }
    });

    it("ALMAZ's metrics (not published) are for its own privacy officers only", async () => {
      const query = `{ shop(handle: "almaz") { handle requestMetrics(year: 2026) { total { received } } } }`;
      const metricsOf = async (viewer: Viewer) => {
        const result = await gql(query, {}, viewer);
        expect(result.errors, JSON.stringify(result)).toBeUndefined();
        return (result.data as { shop: { requestMetrics: unknown } }).shop.requestMetrics;
      };
      const denied: Viewer[] = [
        ...ROLES.map((role) => viewers[role]),
        await agentViewer({ shop: "allegra", role: "PRIVACY_OFFICER" }),
      ];
      for (const viewer of denied) expect(await metricsOf(viewer), viewer.kind).toBeNull();
      const officer = await agentViewer({ shop: "almaz", role: "PRIVACY_OFFICER" });
      expect(await metricsOf(officer)).toEqual({ total: { received: expect.any(Number) } });
    });
  });
});
