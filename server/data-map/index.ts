import type { Prisma } from "../db/generated/client";
import type { DataCategoryKey } from "./categories";

// The personal-data map (DESIGN.md property 3): for every Prisma model, either how it
// holds personal data (category, how rows belong to a customer, which fields are
// personal and where they came from, how it is exported, what erasure does) or why it
// holds none. "My data", the export and the erasure engine all iterate this map; a
// test fails when a model or field is in neither list.

export type ModelName = Prisma.ModelName;
export type DataSourceKey = "given" | "provider" | "partner" | "automatic";

export type PersonalField = {
  label: string;
  source: DataSourceKey;
  // Masked by default where shown; revealing it is logged.
  isSensitive?: boolean;
  // When the field belongs to another category than its model (e.g. email → contact).
  category?: DataCategoryKey;
};

// How a row is tied to its customer, so every query can be scoped by owner.
export type Ownership =
  | { kind: "self" }
  | { kind: "column"; column: string }
  // Through a parent row: `foreignKey` points at `model`, whose `column` is the owner.
  | { kind: "via"; relation: string; foreignKey: string; model: ModelName; column: string };

// What anonymising writes over a field: null, a fixed text, or an SQL expression over
// the row's own columns (for values that must stay unique, e.g. the email).
export type Placeholder = string | null | { sql: string };

export type Anonymisation = {
  action: "anonymise";
  // Every personal field and secret is either overwritten here or listed in `keep`
  // (values that identify nobody once the row is detached: amounts, dates, codes).
  placeholders: Record<string, Placeholder>;
  keep: string[];
};

export type Erasure =
  // Rows are deleted.
  | { action: "delete" }
  // Personal fields are overwritten with irreversible placeholders and the link to the
  // customer is cut where the column allows it (on the append-only ledgers it cannot
  // be: they keep pointing at the account's tombstone, which holds nothing).
  | Anonymisation
  // Kept, detached from the account, while a retention rule of the shop's profile with
  // keepOnErasure covers the category (until the rule's date, when the retention sweep
  // does `otherwise`); without such a rule, `otherwise` at once.
  | { action: "retain-if-required"; otherwise: { action: "delete" } | Anonymisation }
  // Rows belong to a parent row (order items to their order) and share its fate.
  | { action: "follow-parent"; reason: string }
  // Kept as they are, for the stated reason (e.g. the deletion request as proof).
  | { action: "keep"; reason: string };

const ERASED = "[erased]";

export type PersonalModel = {
  model: ModelName;
  isPersonal: true;
  category: DataCategoryKey;
  label: string;
  owner: Ownership;
  fields: Record<string, PersonalField>;
  // Stored, never shown or exported (credentials); removed on erasure.
  secrets?: string[];
  // Keys, foreign keys and bookkeeping that say nothing about the person.
  technical: string[];
  exportAs: string;
  erasure: Erasure;
};

export type NonPersonalModel = { model: ModelName; isPersonal: false; reason: string };

export type DataMapEntry = PersonalModel | NonPersonalModel;

const given = (label: string, extra: Partial<PersonalField> = {}): PersonalField => ({
  label,
  source: "given",
  ...extra,
});
const auto = (label: string, extra: Partial<PersonalField> = {}): PersonalField => ({
  label,
  source: "automatic",
  ...extra,
});
const byCustomer: Ownership = { kind: "column", column: "customerId" };

export const DATA_MAP: DataMapEntry[] = [
  {
    model: "Shop",
    isPersonal: false,
    reason: "The tenant itself: handle and name of a business.",
  },
  {
    model: "Customer",
    isPersonal: true,
    category: "identity",
    label: "Your account",
    owner: { kind: "self" },
    fields: {
      email: given("Email address", { category: "contact" }),
      emailVerifiedAt: auto("Email confirmed on", { category: "contact" }),
      firstName: given("First name"),
      lastName: given("Last name"),
      alias: given("Alias (nickname)"),
      photoUrl: given("Photo"),
      dateOfBirth: given("Date of birth", { isSensitive: true }),
      gender: given("Gender"),
      hometown: given("Hometown"),
      nationalId: given("National identification number", { isSensitive: true }),
      locale: given("Language"),
      status: auto("Account status"),
      restrictedAt: auto("Use of your data restricted since"),
      objectedPurposes: given("Purposes you objected to"),
      createdAt: auto("Account opened on"),
    },
    secrets: ["passwordHash"],
    technical: ["id", "shopId", "updatedAt"],
    exportAs: "account",
    // The row stays as a tombstone (the consent ledger and audit log refer to it); the
    // email becomes unique nonsense so the same address can register again.
    erasure: {
      action: "anonymise",
      placeholders: {
        email: { sql: `'erased-' || "id" || '@erased.invalid'` },
        emailVerifiedAt: null,
        firstName: ERASED,
        lastName: ERASED,
        alias: null,
        photoUrl: null,
        dateOfBirth: null,
        gender: null,
        hometown: null,
        nationalId: null,
        passwordHash: null,
        restrictedAt: null,
        objectedPurposes: { sql: `ARRAY[]::text[]` },
        status: { sql: `'ERASED'::"CustomerStatus"` },
      },
      keep: ["locale", "createdAt"],
    },
  },
  {
    model: "CustomerPhone",
    isPersonal: true,
    category: "contact",
    label: "Phone numbers",
    owner: byCustomer,
    fields: {
      kind: given("Type"),
      number: given("Phone number", { isSensitive: true }),
      isPrimary: given("Main number"),
      createdAt: auto("Added on"),
    },
    technical: ["id", "customerId"],
    exportAs: "phones",
    erasure: { action: "delete" },
  },
  {
    model: "Address",
    isPersonal: true,
    category: "addresses",
    label: "Addresses",
    owner: byCustomer,
    fields: {
      label: given("Label"),
      recipientName: given("Recipient"),
      line1: given("Address line 1"),
      line2: given("Address line 2"),
      city: given("City"),
      region: given("Region"),
      postalCode: given("Postal code"),
      country: given("Country"),
      phone: given("Phone for delivery", { isSensitive: true }),
      isDefaultShipping: given("Default for delivery"),
      isDefaultBilling: given("Default for billing"),
      createdAt: auto("Added on"),
      updatedAt: auto("Last changed on"),
    },
    technical: ["id", "customerId"],
    exportAs: "addresses",
    erasure: { action: "delete" },
  },
  {
    model: "Order",
    isPersonal: true,
    category: "orders",
    label: "Orders",
    owner: byCustomer,
    fields: {
      number: auto("Order number"),
      placedAt: auto("Placed on"),
      status: auto("Status"),
      currency: auto("Currency"),
      subtotalCents: auto("Subtotal"),
      shippingCents: auto("Shipping"),
      totalCents: auto("Total"),
      shippingName: given("Delivered to"),
      shippingAddress: given("Delivery address"),
      billingName: given("Billed to"),
      billingAddress: given("Billing address"),
    },
    technical: ["id", "shopId", "customerId", "retentionRule", "retainedUntil"],
    exportAs: "orders",
    // Without a rule to keep it, an order stays as an anonymous sales record.
    erasure: {
      action: "retain-if-required",
      otherwise: {
        action: "anonymise",
        placeholders: { shippingName: ERASED, shippingAddress: ERASED, billingName: ERASED, billingAddress: ERASED },
        keep: ["number", "placedAt", "status", "currency", "subtotalCents", "shippingCents", "totalCents"],
      },
    },
  },
  {
    model: "OrderItem",
    isPersonal: true,
    category: "orders",
    label: "Order items",
    owner: { kind: "via", relation: "order", foreignKey: "orderId", model: "Order", column: "customerId" },
    fields: {
      sku: auto("Product code"),
      productName: auto("Product"),
      quantity: given("Quantity"),
      unitPriceCents: auto("Unit price"),
    },
    technical: ["id", "orderId"],
    exportAs: "order_items",
    erasure: {
      action: "follow-parent",
      reason: "Products and quantities of an order are kept or anonymised with the order itself.",
    },
  },
  {
    model: "Invoice",
    isPersonal: true,
    category: "documents",
    label: "Invoices",
    owner: byCustomer,
    fields: {
      number: auto("Invoice number"),
      issuedAt: auto("Issued on"),
      billingName: given("Billed to"),
      billingAddress: given("Billing address"),
      billingTaxId: given("Tax ID"),
      currency: auto("Currency"),
      netCents: auto("Net amount"),
      taxCents: auto("VAT"),
      totalCents: auto("Total"),
    },
    technical: ["id", "shopId", "customerId", "orderId", "retentionRule", "retainedUntil"],
    exportAs: "invoices",
    erasure: { action: "retain-if-required", otherwise: { action: "delete" } },
  },
  {
    model: "WarrantyCertificate",
    isPersonal: true,
    category: "documents",
    label: "Warranty certificates",
    owner: byCustomer,
    fields: {
      number: auto("Certificate number"),
      productName: auto("Product"),
      serialNumber: auto("Serial number"),
      holderName: given("Holder"),
      issuedAt: auto("Issued on"),
      validUntil: auto("Valid until"),
    },
    technical: ["id", "shopId", "customerId", "orderId", "retentionRule", "retainedUntil"],
    exportAs: "warranty_certificates",
    erasure: { action: "retain-if-required", otherwise: { action: "delete" } },
  },
  {
    model: "PaymentMethod",
    isPersonal: true,
    category: "payment",
    label: "Payment methods",
    owner: byCustomer,
    fields: {
      brand: given("Card brand"),
      last4: given("Last four digits"),
      expMonth: given("Expiry month"),
      expYear: given("Expiry year"),
      holderName: given("Name on card"),
      isDefault: given("Default"),
      createdAt: auto("Added on"),
    },
    technical: ["id", "customerId"],
    exportAs: "payment_methods",
    erasure: { action: "delete" },
  },
  {
    model: "WishlistItem",
    isPersonal: true,
    category: "wishlist",
    label: "Wish list",
    owner: byCustomer,
    fields: { sku: given("Product code"), productName: given("Product"), addedAt: auto("Added on") },
    technical: ["id", "customerId"],
    exportAs: "wishlist",
    erasure: { action: "delete" },
  },
  {
    model: "Preference",
    isPersonal: true,
    category: "preferences",
    label: "Shopping preferences",
    owner: byCustomer,
    fields: { key: given("Preference"), value: given("Your choice"), updatedAt: auto("Last changed on") },
    technical: ["id", "customerId"],
    exportAs: "preferences",
    erasure: { action: "delete" },
  },
  {
    model: "PollAnswer",
    isPersonal: true,
    category: "polls",
    label: "Poll and survey answers",
    owner: byCustomer,
    fields: {
      poll: auto("Poll"),
      question: auto("Question"),
      answer: given("Your answer"),
      answeredAt: auto("Answered on"),
    },
    technical: ["id", "customerId"],
    exportAs: "poll_answers",
    erasure: { action: "delete" },
  },
  {
    model: "Device",
    isPersonal: true,
    category: "signins",
    label: "Devices",
    owner: byCustomer,
    fields: {
      label: auto("Device"),
      userAgent: auto("Browser"),
      firstSeenAt: auto("First seen"),
      lastSeenAt: auto("Last seen"),
      lastIp: auto("Last IP address"),
    },
    technical: ["id", "customerId"],
    exportAs: "devices",
    erasure: { action: "delete" },
  },
  {
    model: "SignInEvent",
    isPersonal: true,
    category: "signins",
    label: "Sign-ins",
    owner: byCustomer,
    fields: {
      method: auto("Method"),
      isSuccessful: auto("Succeeded"),
      ip: auto("IP address"),
      userAgent: auto("Browser"),
      at: auto("When"),
    },
    technical: ["id", "shopId", "customerId", "deviceId"],
    exportAs: "sign_ins",
    erasure: { action: "delete" },
  },
  {
    model: "Session",
    isPersonal: true,
    category: "signins",
    label: "Signed-in browsers",
    owner: byCustomer,
    fields: {
      createdAt: auto("Signed in on"),
      lastSeenAt: auto("Last active"),
      expiresAt: auto("Expires on"),
      revokedAt: auto("Signed out on"),
      authenticatedAt: auto("Password last entered"),
      ip: auto("IP address"),
      userAgent: auto("Browser"),
    },
    technical: ["id", "customerId"],
    exportAs: "sessions",
    erasure: { action: "delete" },
  },
  {
    model: "ThirdPartyRecord",
    isPersonal: true,
    category: "enrichment",
    label: "Data from partners and enrichment services",
    owner: byCustomer,
    fields: {
      kind: { label: "Kind", source: "partner" },
      sourceName: { label: "Received from", source: "partner" },
      receivedAt: { label: "Received on", source: "partner" },
      data: { label: "What we received", source: "partner" },
    },
    technical: ["id", "customerId"],
    exportAs: "third_party_data",
    erasure: { action: "delete" },
  },
  {
    model: "Account",
    isPersonal: true,
    category: "social",
    label: "Connected social accounts",
    owner: byCustomer,
    fields: {
      provider: { label: "Provider", source: "provider" },
      providerAccountId: { label: "Your ID at the provider", source: "provider" },
      profile: { label: "What the provider gave us", source: "provider" },
      type: auto("Link type"),
      linkedAt: auto("Linked on"),
      lastUsedAt: auto("Last used"),
      unlinkedAt: auto("Unlinked on"),
      scope: { label: "Permissions granted", source: "provider" },
    },
    secrets: [],
    technical: ["id", "shopId", "customerId"],
    exportAs: "social_accounts",
    erasure: { action: "delete" },
  },
  {
    model: "Invitation",
    isPersonal: true,
    category: "invitations",
    label: "Friends you invited",
    owner: byCustomer,
    // The friend's name and address are the friend's personal data as well: kept only
    // while the invitation is open (server/invitations), deleted on objection,
    // withdrawal or expiry.
    fields: {
      channel: given("How you invited"),
      status: auto("Status"),
      friendEmail: given("Friend's email address"),
      friendName: given("Friend's name"),
      createdAt: auto("Invited on"),
      expiresAt: auto("Friend's details deleted on, unless accepted"),
      closedAt: auto("Closed on"),
      detailsErasedAt: auto("Friend's details deleted on"),
    },
    // A keyed hash of the friend's address (no address can be read from it): keeps
    // "once per inviter" and an objection working after the details are deleted.
    secrets: ["friendEmailHash"],
    technical: ["id", "shopId", "customerId"],
    exportAs: "invitations",
    erasure: { action: "delete" },
  },
  {
    model: "ConsentRecord",
    isPersonal: true,
    category: "consents",
    label: "Consent history",
    owner: byCustomer,
    fields: {
      purposeKey: auto("Purpose"),
      state: given("Choice"),
      optInLevel: auto("Opt-in level"),
      source: auto("Where"),
      actorType: auto("Made by"),
      actorId: auto("Made by (ID)"),
      policyVersion: auto("Policy version"),
      createdAt: auto("When"),
    },
    // The support session a choice was recorded in (the access log names it).
    technical: ["id", "shopId", "customerId", "impersonationId"],
    exportAs: "consents",
    // The append-only ledger: no field identifies the person (actorId is the account's
    // or an agent's id), and once the account is a tombstone the records are the
    // anonymous proof of what was chosen when.
    erasure: {
      action: "anonymise",
      placeholders: {},
      keep: ["purposeKey", "state", "optInLevel", "source", "actorType", "actorId", "policyVersion", "createdAt"],
    },
  },
  {
    model: "ConsentConfirmation",
    isPersonal: true,
    category: "consents",
    label: "Subscription confirmation links",
    owner: byCustomer,
    fields: {
      purposeKeys: auto("Subscriptions to confirm"),
      createdAt: auto("Link sent on"),
      expiresAt: auto("Link valid until"),
      confirmedAt: auto("Confirmed on"),
      cancelledAt: auto("Replaced by a newer link on"),
    },
    // Only a hash of the confirmation link's token.
    secrets: ["tokenHash"],
    technical: ["id", "shopId", "customerId"],
    exportAs: "consent_confirmations",
    // The proof of consent is the ledger (ConsentRecord); the link itself is not needed.
    erasure: { action: "delete" },
  },
  {
    model: "AuditEvent",
    isPersonal: true,
    // The log of what was done to the account and its data (corrections, reveals), read
    // as account activity alongside sign-ins and devices.
    category: "signins",
    label: "Activity log of your data",
    owner: byCustomer,
    fields: {
      action: auto("What happened"),
      details: auto("What changed"),
      actorType: auto("Done by"),
      actorId: auto("Done by (ID)"),
      createdAt: auto("When"),
    },
    // Chain bookkeeping: sequence and hashes prove the log was not edited.
    technical: ["id", "shopId", "customerId", "impersonationId", "sequence", "prevHash", "hash"],
    exportAs: "activity_log",
    // The hash-chained log keeps what happened (field names, ids); the values that
    // identify the person are in AuditEventValue, which erasure deletes.
    erasure: {
      action: "anonymise",
      placeholders: {},
      keep: ["action", "details", "actorType", "actorId", "createdAt"],
    },
  },
  {
    model: "RecipientNotification",
    isPersonal: true,
    // Account activity too: the record of whom a correction was passed on to (GDPR
    // Art. 19). "signins" is declared by every profile; "communications" (with us)
    // would be both a poorer fit and undeclared by some.
    category: "signins",
    label: "Corrections passed on to recipients",
    owner: byCustomer,
    fields: {
      recipientKey: auto("Recipient"),
      kind: auto("Reason"),
      payload: auto("What they were told"),
      status: auto("Status"),
      createdAt: auto("Queued on"),
      deliveredAt: auto("Delivered on"),
    },
    technical: ["id", "shopId", "customerId"],
    exportAs: "recipient_notifications",
    erasure: { action: "delete" },
  },
  {
    model: "OutboundEmail",
    isPersonal: true,
    // Messages we sent the customer: correspondence with us.
    category: "communications",
    label: "Emails we sent you",
    owner: byCustomer,
    fields: {
      toAddress: auto("Sent to"),
      subject: auto("Subject"),
      kind: auto("Kind of message"),
      status: auto("Status"),
      createdAt: auto("Written on"),
      sentAt: auto("Sent on"),
    },
    // Bodies and headers carry live links (email confirmation, unsubscribe): showing
    // them in the account would let whoever is signed in act as the mailbox owner.
    secrets: ["textBody", "htmlBody", "headers"],
    technical: [
      "id",
      "shopId",
      "customerId",
      "attempts",
      "lastError",
      "nextAttemptAt",
      "retentionRule",
      "retainedUntil",
    ],
    exportAs: "emails_sent",
    erasure: { action: "delete" },
  },
  {
    model: "EmailChangeRequest",
    isPersonal: true,
    category: "contact",
    label: "Email address changes",
    owner: byCustomer,
    fields: {
      newEmail: given("New email address"),
      createdAt: auto("Requested on"),
      expiresAt: auto("Link valid until"),
      confirmedAt: auto("Confirmed on"),
      cancelledAt: auto("Replaced or cancelled on"),
    },
    // Only a hash of the confirmation link's token.
    secrets: ["tokenHash"],
    technical: ["id", "shopId", "customerId"],
    exportAs: "email_changes",
    erasure: { action: "delete" },
  },
  {
    model: "Export",
    isPersonal: true,
    // Account activity: the copies of your data you asked for.
    category: "signins",
    label: "Copies of your data you asked for",
    owner: byCustomer,
    fields: {
      format: given("Format"),
      categories: given("Categories asked for"),
      from: given("Records from"),
      to: given("Records until"),
      status: auto("Status"),
      createdAt: auto("Asked for on"),
      readyAt: auto("Ready on"),
      expiresAt: auto("Download link valid until"),
      deletedAt: auto("File deleted on"),
    },
    // Progress bookkeeping and where the file is stored.
    technical: [
      "id",
      "shopId",
      "customerId",
      "progress",
      "rowsTotal",
      "rowsDone",
      "storageKey",
      "byteSize",
      "sha256",
      "errorCode",
      "startedAt",
    ],
    exportAs: "data_exports",
    // The file is deleted with the row (the erasure engine deletes the stored file).
    erasure: { action: "delete" },
  },
  {
    model: "ExportDownload",
    isPersonal: true,
    category: "signins",
    label: "Downloads of your data",
    owner: byCustomer,
    fields: {
      at: auto("Downloaded on"),
      ip: auto("IP address"),
      userAgent: auto("Browser"),
    },
    technical: ["id", "exportId", "customerId"],
    exportAs: "data_export_downloads",
    erasure: { action: "delete" },
  },
  {
    model: "AuditEventValue",
    isPersonal: true,
    category: "signins",
    label: "Values in the activity log",
    owner: byCustomer,
    fields: {
      values: auto("Values before and after"),
      createdAt: auto("When"),
    },
    // The salt of the event's valuesDigest: deleted with the values, so the digest left
    // in the chain no longer confirms a guess.
    secrets: ["salt"],
    technical: ["id", "auditEventId", "shopId", "customerId"],
    exportAs: "activity_log_values",
    erasure: { action: "delete" },
  },
  {
    model: "DeletionRequest",
    isPersonal: true,
    category: "signins",
    label: "Account deletion requests",
    owner: byCustomer,
    fields: {
      status: auto("Status"),
      requestedAt: auto("Asked for on"),
      confirmedAt: auto("Confirmed on"),
      scheduledFor: auto("Scheduled for"),
      cancelledAt: auto("Cancelled on"),
      startedAt: auto("Erasure started on"),
      completedAt: auto("Erasure finished on"),
    },
    // The link's token hash, and the receipt address (cleared once the receipt is written).
    secrets: ["tokenHash", "receiptTo"],
    technical: ["id", "shopId", "customerId", "tokenExpiresAt", "anchors", "plan", "step", "createdAt"],
    exportAs: "deletion_requests",
    erasure: {
      action: "keep",
      reason:
        "Proof that your request was carried out (GDPR Art. 5(2)): dates and counts only, no contact details, tied to the erased account.",
    },
  },
  {
    model: "RightsRequest",
    isPersonal: true,
    category: "communications",
    label: "Your rights requests",
    owner: byCustomer,
    fields: {
      type: given("Request"),
      status: auto("Status"),
      outcome: auto("Decision"),
      purposes: given("Purposes it concerns"),
      categories: given("Data it concerns"),
      details: given("What you told us"),
      filedBy: auto("Filed by"),
      representativeName: given("Representative"),
      representativeProof: given("Representative's proof of authority"),
      selfService: auto("Done by you in your account"),
      receivedAt: auto("Received"),
      receivedOn: auto("Counts as received on"),
      firstDueOn: auto("First due date"),
      dueOn: auto("Due date"),
      extendableDueOn: auto("Due date if extended"),
      extendedAt: auto("Extended on"),
      extensionReason: auto("Why it was extended"),
      decidedAt: auto("Decided on"),
      decisionReason: auto("Reason for the decision"),
      withdrawnAt: auto("Withdrawn on"),
    },
    technical: ["id", "shopId", "customerId", "apiKeyId", "assignedToId", "updatedAt"],
    exportAs: "rights_requests",
    // The record that a request was answered, and when, is the shop's accountability
    // (GDPR Art. 5(2), Art. 12): the type, dates and outcome stay with the erased
    // account (and in the metrics); the person's, the representative's and the staff's
    // words go, as they may describe the person.
    erasure: {
      action: "anonymise",
      placeholders: {
        details: null,
        representativeName: null,
        representativeProof: null,
        extensionReason: { sql: `CASE WHEN "extensionReason" IS NULL THEN NULL ELSE '${ERASED}' END` },
        decisionReason: { sql: `CASE WHEN "decisionReason" IS NULL THEN NULL ELSE '${ERASED}' END` },
      },
      keep: [
        "type",
        "status",
        "outcome",
        "purposes",
        "categories",
        "filedBy",
        "selfService",
        "receivedAt",
        "receivedOn",
        "firstDueOn",
        "dueOn",
        "extendableDueOn",
        "extendedAt",
        "decidedAt",
        "withdrawnAt",
      ],
    },
  },
  {
    model: "RightsRequestEvent",
    isPersonal: true,
    category: "communications",
    label: "Timeline of your rights requests",
    owner: { kind: "via", relation: "request", foreignKey: "requestId", model: "RightsRequest", column: "customerId" },
    fields: {
      kind: auto("Step"),
      actorType: auto("By"),
      message: given("Message"),
      internal: auto("Staff note"),
      at: auto("When"),
    },
    // The staff member's or partner's name on their steps: not the customer's data.
    technical: ["id", "requestId", "actorId", "actorName"],
    exportAs: "rights_request_steps",
    erasure: {
      action: "anonymise",
      placeholders: { message: null },
      keep: ["kind", "actorType", "internal", "at"],
    },
  },
  {
    model: "Impersonation",
    isPersonal: true,
    // Account activity, with sign-ins: who from the shop acted in the account, and why.
    category: "signins",
    label: "Support sessions in your account",
    owner: byCustomer,
    fields: {
      reason: auto("Reason given by the support agent"),
      ticket: auto("Support ticket"),
      startedAt: auto("Started"),
      expiresAt: auto("Would have ended at the latest"),
      endedAt: auto("Ended"),
      endReason: auto("How it ended"),
    },
    technical: ["id", "shopId", "agentId", "agentSessionId", "customerId"],
    exportAs: "support_sessions",
    // The audit chain keeps that a session took place (agent, times); the reason and
    // ticket, written about this person, go with the account.
    erasure: { action: "delete" },
  },
  {
    model: "SupportAccessGrant",
    isPersonal: true,
    category: "signins",
    label: "Permission for support staff",
    owner: byCustomer,
    fields: {
      grantedAt: given("Allowed on"),
      expiresAt: given("Allowed until"),
      revokedAt: given("Withdrawn on"),
    },
    technical: ["id", "shopId", "customerId"],
    exportAs: "support_access",
    erasure: { action: "delete" },
  },
  {
    model: "Agent",
    isPersonal: false,
    reason: "The shop's support staff: staff accounts, not customer data.",
  },
  {
    model: "AgentSession",
    isPersonal: false,
    reason: "Signed-in browsers of the shop's support staff.",
  },
  {
    model: "ApiKey",
    isPersonal: false,
    reason: "Partners' keys to the API: a name, scopes and dates, no customer data.",
  },
  {
    model: "ApiKeySecret",
    isPersonal: false,
    reason: "One-way hashes of API key secrets.",
  },
  {
    model: "ThrottleBucket",
    isPersonal: false,
    reason: "Query-cost budgets per API key: a number and a time.",
  },
  {
    model: "WebhookEndpoint",
    isPersonal: false,
    reason: "Partners' receiving addresses for events and their encrypted signing secrets.",
  },
  {
    model: "WebhookEvent",
    isPersonal: false,
    reason:
      "Events sent to partners: ids, event types and the names of what changed (purpose keys, field names), never a personal value; deleted 30 days after delivery.",
  },
  {
    model: "WebhookDelivery",
    isPersonal: false,
    reason: "Delivery state of one event to one endpoint: ids, status and times.",
  },
  {
    model: "WebhookAttempt",
    isPersonal: false,
    reason: "What a partner's server answered to a delivery: status code, latency and the start of its reply.",
  },
  {
    model: "SuppressionEntry",
    isPersonal: false,
    reason:
      "Addresses never to contact again, stored only as keyed one-way hashes (HMAC-SHA256) so the list itself holds no address and belongs to no account.",
  },
  {
    model: "Job",
    isPersonal: false,
    reason:
      "Background work queue: the kind of job, ids of the records it works on and error codes; never personal values.",
  },
  {
    model: "SignInThrottle",
    isPersonal: false,
    reason:
      "Counters of failed sign-ins keyed by one-way hashes (never the email or address itself); they expire within 15 minutes.",
  },
];

export function personalModels(): PersonalModel[] {
  return DATA_MAP.filter((e): e is PersonalModel => e.isPersonal);
}

export function dataMapEntry(model: ModelName): DataMapEntry | undefined {
  return DATA_MAP.find((e) => e.model === model);
}
