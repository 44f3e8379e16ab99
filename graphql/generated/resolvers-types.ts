import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CustomerParent, ShopParent, ViewerParent, ShopPolicyParent, AddressParent, DataCategoryParent, DataSetParent, DataRecordParent, RetentionInfoParent, OrderParent, InvoiceParent, WarrantyCertificateParent, ExportParent, ConsentPurposeParent, ConsentRecordParent, DeletionRequestParent, DeletionPlanParent, DeletionPlanEntryParent, AgentParent, ImpersonationParent, SupportCustomerParent, SupportAccessParent, AccessLogEntryParent, SupportSessionLogParent, SupportSessionStepParent, AuditEventParent, ApiKeyParent, PartnerParent, WebhookEndpointParent, WebhookDeliveryParent, ConnectedAccountsParent, ConnectedAccountParent, InvitationParent, InvitationLinkParent, RightsRequestParent, RightsRequestCustomerParent } from '../mappers';
import type { GraphQLContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO 8601 calendar date, e.g. 1990-04-17. */
  Date: { input: string; output: string; }
  /** An ISO 8601 date-time with offset, e.g. 2026-11-22T10:00:00.000Z. */
  DateTime: { input: Date; output: Date; }
};

/** One access to the account: a sign-in, a support session, a reveal, a download or a partner's read or change. */
export type AccessLogEntry = {
  __typename?: 'AccessLogEntry';
  /** For reveals, downloads, partners and sign-in method changes: the audit action (data.reveal, export.download, document.download, documents.archive; partner.read, consent.update; social.link, social.unlink, social.erase, password.set). */
  action?: Maybe<Scalars['String']['output']>;
  /** The support agent's name, for support sessions; the partner's name, for partner entries. */
  actorName?: Maybe<Scalars['String']['output']>;
  at: Scalars['DateTime']['output'];
  /** For a partner's consent change: the purposes changed and their new state, e.g. "marketing:email:offers → WITHDRAWN". */
  changes: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** The address, masked (e.g. 203.0.113.x). */
  ipMasked?: Maybe<Scalars['String']['output']>;
  kind: AccessLogEntryKind;
  /** For reveals: the field shown; for downloads: the document or export type; for a partner's read: what was read (account.read, consents.read); for sign-ins: how (password, or the provider: facebook, twitter, microsoft, google); for sign-in method changes: the provider. */
  subject?: Maybe<Scalars['String']['output']>;
  supportSession?: Maybe<SupportSessionLog>;
  /** The browser's user agent. */
  userAgent?: Maybe<Scalars['String']['output']>;
};

export type AccessLogEntryConnection = {
  __typename?: 'AccessLogEntryConnection';
  edges: Array<AccessLogEntryEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type AccessLogEntryEdge = {
  __typename?: 'AccessLogEntryEdge';
  cursor: Scalars['String']['output'];
  node: AccessLogEntry;
};

export type AccessLogEntryKind =
  /** A document or an export of the account's data was downloaded. */
  | 'DOWNLOAD'
  /** A partner of the shop read or changed the account's data through the API. */
  | 'PARTNER'
  /** The password entered again inside a session (before a download). */
  | 'PASSWORD_AGAIN'
  /** A masked value was shown. */
  | 'REVEAL'
  | 'SIGN_IN'
  | 'SIGN_IN_FAILED'
  /** A way to sign in changed: a social provider linked or unlinked, what it gave us erased, a first password set. */
  | 'SIGN_IN_METHOD'
  /** A support agent acted in the account. */
  | 'SUPPORT_SESSION';

export type AccountDeletionCancelPayload = {
  __typename?: 'AccountDeletionCancelPayload';
  deletionRequest?: Maybe<DeletionRequest>;
  userErrors: Array<UserError>;
};

export type AccountDeletionConfirmInput = {
  /** The token from the link in the confirmation email. */
  token: Scalars['String']['input'];
};

export type AccountDeletionConfirmPayload = {
  __typename?: 'AccountDeletionConfirmPayload';
  deletionRequest?: Maybe<DeletionRequest>;
  userErrors: Array<UserError>;
};

export type AccountDeletionRequestInput = {
  /** The word DELETE, typed by the customer. */
  confirmation: Scalars['String']['input'];
  /** The account's password. An account without one (opened with a social provider) leaves it out and must have signed in with a linked provider in the last 10 minutes. */
  password?: InputMaybe<Scalars['String']['input']>;
};

export type AccountDeletionRequestPayload = {
  __typename?: 'AccountDeletionRequestPayload';
  deletionRequest?: Maybe<DeletionRequest>;
  userErrors: Array<UserError>;
};

/** A postal address in the customer's address book. */
export type Address = Node & {
  __typename?: 'Address';
  city: Scalars['String']['output'];
  /** ISO 3166-1 alpha-2, e.g. RO. */
  country: Scalars['String']['output'];
  /** The country's name in English, e.g. Romania. */
  countryName: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  isDefaultBilling: Scalars['Boolean']['output'];
  isDefaultShipping: Scalars['Boolean']['output'];
  /** The customer's own name for it, e.g. Home. */
  label?: Maybe<Scalars['String']['output']>;
  line1: Scalars['String']['output'];
  line2?: Maybe<Scalars['String']['output']>;
  /** Phone for the courier, E.164. */
  phone?: Maybe<Scalars['String']['output']>;
  postalCode: Scalars['String']['output'];
  recipientName: Scalars['String']['output'];
  region?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
};

export type AddressDeletePayload = {
  __typename?: 'AddressDeletePayload';
  deletedAddressId?: Maybe<Scalars['ID']['output']>;
  userErrors: Array<UserError>;
};

export type AddressInput = {
  city: Scalars['String']['input'];
  /** ISO 3166-1 alpha-2, e.g. RO. */
  country: Scalars['String']['input'];
  /** Makes this the default for billing, taking the flag from the other addresses. */
  isDefaultBilling?: InputMaybe<Scalars['Boolean']['input']>;
  /** Makes this the default for delivery, taking the flag from the other addresses. */
  isDefaultShipping?: InputMaybe<Scalars['Boolean']['input']>;
  label?: InputMaybe<Scalars['String']['input']>;
  line1: Scalars['String']['input'];
  line2?: InputMaybe<Scalars['String']['input']>;
  /** Read as a number of the address's country unless it starts with a country code. */
  phone?: InputMaybe<Scalars['String']['input']>;
  postalCode: Scalars['String']['input'];
  recipientName: Scalars['String']['input'];
  region?: InputMaybe<Scalars['String']['input']>;
};

export type AddressPayload = {
  __typename?: 'AddressPayload';
  address?: Maybe<Address>;
  userErrors: Array<UserError>;
};

/** Only the fields sent change; null (or an empty string) clears an optional field. */
export type AddressUpdateInput = {
  city?: InputMaybe<Scalars['String']['input']>;
  country?: InputMaybe<Scalars['String']['input']>;
  isDefaultBilling?: InputMaybe<Scalars['Boolean']['input']>;
  isDefaultShipping?: InputMaybe<Scalars['Boolean']['input']>;
  label?: InputMaybe<Scalars['String']['input']>;
  line1?: InputMaybe<Scalars['String']['input']>;
  line2?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  postalCode?: InputMaybe<Scalars['String']['input']>;
  recipientName?: InputMaybe<Scalars['String']['input']>;
  region?: InputMaybe<Scalars['String']['input']>;
};

/** A member of the shop's support staff. */
export type Agent = Node & {
  __typename?: 'Agent';
  /** The name customers see in their access log. */
  displayName: Scalars['String']['output'];
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  role: AgentRole;
};

export type AgentRole =
  /** Also reads the shop's audit log and may reveal masked values while acting in an account. */
  | 'PRIVACY_OFFICER'
  /** Finds customers and acts in their accounts for a stated reason. */
  | 'SUPPORT';

/** A partner's key to the API. */
export type ApiKey = Node & {
  __typename?: 'ApiKey';
  createdAt: Scalars['DateTime']['output'];
  /** The privacy officer who created it. */
  createdByName?: Maybe<Scalars['String']['output']>;
  /** null: no expiry. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The partner or system using it; customers see this name in their access log. */
  name: Scalars['String']['output'];
  /** The shop policy's recipient this partner is: it receives that recipient's GDPR Art. 19 notices as webhooks. */
  recipientKey?: Maybe<Scalars['String']['output']>;
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  /** e.g. ["customers:read", "consents:write"]; see Query.apiScopes. */
  scopes: Array<Scalars['String']['output']>;
  /** The secrets that work now, newest first (two during a rotation's overlap). */
  secrets: Array<ApiKeySecretInfo>;
  status: ApiKeyStatus;
};

export type ApiKeyCreateInput = {
  /** When the key stops working; null for no expiry. */
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Who will use it, e.g. "Acme Marketing". Customers see it in their access log. At most 100 characters. */
  name: Scalars['String']['input'];
  /** A recipient key of the shop's policy (shop.policy.recipients) this partner is, if any. */
  recipientKey?: InputMaybe<Scalars['String']['input']>;
  /** At least one of Query.apiScopes, each once. */
  scopes: Array<Scalars['String']['input']>;
};

export type ApiKeyCreatePayload = {
  __typename?: 'ApiKeyCreatePayload';
  apiKey?: Maybe<ApiKey>;
  /** The secret, shown this once: only its SHA-256 is kept. */
  secret?: Maybe<Scalars['String']['output']>;
  userErrors: Array<UserError>;
};

export type ApiKeyRevokePayload = {
  __typename?: 'ApiKeyRevokePayload';
  apiKey?: Maybe<ApiKey>;
  userErrors: Array<UserError>;
};

export type ApiKeyRotateInput = {
  /** Until when the current secrets keep working; default 24 hours from now, at most 30 days. Now ends them at once. */
  previousSecretExpiresAt?: InputMaybe<Scalars['DateTime']['input']>;
};

export type ApiKeyRotatePayload = {
  __typename?: 'ApiKeyRotatePayload';
  apiKey?: Maybe<ApiKey>;
  /** The new secret, shown this once. */
  secret?: Maybe<Scalars['String']['output']>;
  userErrors: Array<UserError>;
};

/** One secret of a key. Only its SHA-256 is stored; the secret itself was shown once. */
export type ApiKeySecretInfo = {
  __typename?: 'ApiKeySecretInfo';
  createdAt: Scalars['DateTime']['output'];
  /** When it stops working (after a rotation); null until the key is rotated, revoked or expires. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The visible start of the secret, e.g. "pc_live_AbC123". */
  prefix: Scalars['String']['output'];
};

/** Whether a key works now. */
export type ApiKeyStatus =
  | 'ACTIVE'
  /** Its expiry time has passed. */
  | 'EXPIRED'
  | 'REVOKED';

/** A scope a key may carry, with what it opens. */
export type ApiScopeInfo = {
  __typename?: 'ApiScopeInfo';
  description: Scalars['String']['output'];
  /** e.g. "customers:read". */
  key: Scalars['String']['output'];
};

/** One row of the shop's hash-chained audit log, without personal values. */
export type AuditEvent = {
  __typename?: 'AuditEvent';
  /** e.g. customer.update, impersonation.start, data.reveal. */
  action: Scalars['String']['output'];
  /** The agent's display name when an agent acted, the key's name when a partner key acted; null otherwise. */
  actorName?: Maybe<Scalars['String']['output']>;
  /** CUSTOMER, AGENT, PARTNER or SYSTEM. */
  actorType: Scalars['String']['output'];
  /** The agent's global ID when an agent acted. */
  agentId?: Maybe<Scalars['ID']['output']>;
  at: Scalars['DateTime']['output'];
  /** The customer's global ID, when the event is about one. */
  customerId?: Maybe<Scalars['ID']['output']>;
  /** What happened (ids, field names, digests) as a JSON object. */
  details: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The support session's global ID, when an agent acted in the customer's account. */
  impersonationId?: Maybe<Scalars['ID']['output']>;
  /** Position in the shop's chain (1, 2, 3, …). */
  sequence: Scalars['Int']['output'];
};

export type AuditEventConnection = {
  __typename?: 'AuditEventConnection';
  edges: Array<AuditEventEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type AuditEventEdge = {
  __typename?: 'AuditEventEdge';
  cursor: Scalars['String']['output'];
  node: AuditEvent;
};

/** A social provider the shop offers, and the customer's link with it. */
export type ConnectedAccount = {
  __typename?: 'ConnectedAccount';
  /** Whether signing in or linking with it works in this installation. */
  isAvailable: Scalars['Boolean']['output'];
  isLinked: Scalars['Boolean']['output'];
  /** When it was last used to sign in (or to confirm it is you). */
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  linkedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  /** Exactly what it gave us, field by field; empty when nothing is held. */
  providedData: Array<ProvidedValue>;
  provider: SocialProvider;
  /** next-auth's id for this shop's app at the provider: link (or confirm it is you) at /api/auth/signin/<providerId>. */
  providerId: Scalars['String']['output'];
  /** Why it cannot be unlinked now (the last way to sign in); null when it can. */
  unlinkBlockedReason?: Maybe<Scalars['String']['output']>;
  /** Set when it was unlinked but what it gave us was kept; erase it with connectedAccountEraseProvidedData. */
  unlinkedAt?: Maybe<Scalars['DateTime']['output']>;
};

export type ConnectedAccountEraseProvidedDataInput = {
  provider: SocialProvider;
};

export type ConnectedAccountPayload = {
  __typename?: 'ConnectedAccountPayload';
  connectedAccount?: Maybe<ConnectedAccount>;
  userErrors: Array<UserError>;
};

export type ConnectedAccountUnlinkInput = {
  /** Also delete what the provider gave us now; otherwise it is kept, marked unlinked. */
  eraseProvidedData: Scalars['Boolean']['input'];
  provider: SocialProvider;
};

/** The customer's connected accounts, with why and how long what they give is kept. */
export type ConnectedAccounts = {
  __typename?: 'ConnectedAccounts';
  accounts: Array<ConnectedAccount>;
  /** Until when linking another provider needs no password again; null when it does. */
  canLinkUntil?: Maybe<Scalars['DateTime']['output']>;
  /** False for an account opened with a provider that has no password yet. */
  hasPassword: Scalars['Boolean']['output'];
  /** Why provider data is processed, each with its legal basis (the policy's purposes for social data). */
  purposes: Array<ProcessingPurpose>;
  /** How long provider data is kept (the policy's rules for social data). */
  retention: Array<RetentionRule>;
};

/** Who made a consent choice. */
export type ConsentActorType =
  | 'AGENT'
  | 'CUSTOMER'
  | 'PARTNER'
  | 'SYSTEM';

export type ConsentApplyGlobalPrivacyControlPayload = {
  __typename?: 'ConsentApplyGlobalPrivacyControlPayload';
  consents?: Maybe<Array<CustomerConsent>>;
  userErrors: Array<UserError>;
  /** The purposes recorded as withdrawn now (empty when nothing was still granted). */
  withdrawnPurposes?: Maybe<Array<ConsentPurpose>>;
};

export type ConsentChangeInput = {
  /** A purpose key from shop.policy.consentPurposes. */
  key: Scalars['String']['input'];
  /**
   * Partner keys only: how the partner collected a grant. CONFIRMED (the partner confirmed
   * the address itself) records GRANTED at once; SINGLE, or none, follows the shop's rules
   * (double opt-in sends the customer a confirmation link first).
   */
  optInLevel?: InputMaybe<ConsentOptInLevel>;
  /** GRANTED or WITHDRAWN; the other states are set by the service. */
  state: ConsentState;
};

export type ConsentConfirmInput = {
  /** The token from the confirmation link. */
  token: Scalars['String']['input'];
};

export type ConsentConfirmPayload = {
  __typename?: 'ConsentConfirmPayload';
  /** The purposes now granted (confirmed). */
  confirmedPurposes?: Maybe<Array<ConsentPurpose>>;
  shop?: Maybe<Shop>;
  userErrors: Array<UserError>;
};

/** A double opt-in link, as its page shows it before the customer confirms. */
export type ConsentConfirmationLink = {
  __typename?: 'ConsentConfirmationLink';
  expiresAt: Scalars['DateTime']['output'];
  /** Why the link cannot be used, in words; null when READY. */
  message?: Maybe<Scalars['String']['output']>;
  /** When READY, what confirming grants; otherwise the link's purposes. */
  purposes: Array<ConsentPurpose>;
  shop: Shop;
  status: ConsentLinkStatus;
};

export type ConsentLinkStatus =
  | 'EXPIRED'
  /** Everything it covers was withdrawn after it was sent. */
  | 'NOTHING_TO_CONFIRM'
  /** The link can be followed. */
  | 'READY'
  /** A newer link replaced it. */
  | 'REPLACED'
  | 'USED';

export type ConsentOptInLevel =
  /** Confirmed through a link sent to the customer's email address (double opt-in). */
  | 'CONFIRMED'
  /** Given in one step. */
  | 'SINGLE';

/** Something a customer can consent to in this shop, from its policy profile. */
export type ConsentPurpose = {
  __typename?: 'ConsentPurpose';
  /** The marketing channel's key (e.g. "email"); null for other purposes. */
  channel?: Maybe<Scalars['String']['output']>;
  /** What the cookie category is for; null for other purposes. */
  description?: Maybe<Scalars['String']['output']>;
  /** Counted as withdrawn while the browser sends Global Privacy Control (only where the shop honours the signal). */
  isCoveredByGlobalPrivacyControl: Scalars['Boolean']['output'];
  /** Strictly necessary cookies: always on, cannot be withdrawn. */
  isRequired: Scalars['Boolean']['output'];
  /** e.g. "marketing:email:offers", "profiling", "third-party-marketing", "cookies:analytics". */
  key: Scalars['String']['output'];
  kind: ConsentPurposeKind;
  label: Scalars['String']['output'];
  /** Granting it sends a confirmation link first (double opt-in). */
  requiresConfirmation: Scalars['Boolean']['output'];
  /** The marketing topic's key; null for other purposes. */
  topic?: Maybe<Scalars['String']['output']>;
};

export type ConsentPurposeKind =
  /** A cookie category. */
  | 'COOKIES'
  /** Marketing by one channel about one topic. */
  | 'MARKETING'
  /** Personalised advertising and profiling. */
  | 'PROFILING'
  /** Sharing with third parties for their own marketing. */
  | 'THIRD_PARTY_MARKETING';

/** One entry of the consent ledger. Records are never changed or deleted. */
export type ConsentRecord = Node & {
  __typename?: 'ConsentRecord';
  actorType: ConsentActorType;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  optInLevel: ConsentOptInLevel;
  /** The version of the shop's privacy policy in force when the choice was made. */
  policyVersion: Scalars['String']['output'];
  /** Null when the shop no longer offers the purpose. */
  purpose?: Maybe<ConsentPurpose>;
  purposeKey: Scalars['String']['output'];
  source: ConsentSource;
  /** GRANTED, WITHDRAWN or PENDING. */
  state: ConsentState;
};

export type ConsentRecordConnection = {
  __typename?: 'ConsentRecordConnection';
  edges: Array<ConsentRecordEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ConsentRecordEdge = {
  __typename?: 'ConsentRecordEdge';
  cursor: Scalars['String']['output'];
  node: ConsentRecord;
};

/** Where a consent choice was made. */
export type ConsentSource =
  | 'ACCOUNT_PAGE'
  /** The double opt-in link in an email. */
  | 'CONFIRMATION_LINK'
  /** The browser's Global Privacy Control signal. */
  | 'GLOBAL_PRIVACY_CONTROL'
  /** Imported from the shop's earlier systems. */
  | 'IMPORT'
  | 'PARTNER_API'
  | 'SIGN_UP'
  | 'SUPPORT_AGENT'
  | 'UNSUBSCRIBE_LINK';

/** The state of a consent purpose. */
export type ConsentState =
  /** Consent is given. */
  | 'GRANTED'
  /** No choice was ever recorded: no consent. */
  | 'NOT_GIVEN'
  /** Consent was given and waits for the confirmation link (double opt-in); nothing is sent until then. */
  | 'PENDING'
  /** Consent was refused or withdrawn. */
  | 'WITHDRAWN';

export type ConsentUnsubscribeInput = {
  /** The token from the unsubscribe link. */
  token: Scalars['String']['input'];
};

/** An unsubscribe link, as its page shows it before the customer unsubscribes. */
export type ConsentUnsubscribeLink = {
  __typename?: 'ConsentUnsubscribeLink';
  /** The list the link unsubscribes from. */
  purpose: ConsentPurpose;
  shop: Shop;
  /** The customer's current state for it. */
  state: ConsentState;
};

export type ConsentUnsubscribePayload = {
  __typename?: 'ConsentUnsubscribePayload';
  /** True when it was already withdrawn: nothing new was recorded. */
  isAlreadyWithdrawn?: Maybe<Scalars['Boolean']['output']>;
  purpose?: Maybe<ConsentPurpose>;
  shop?: Maybe<Shop>;
  userErrors: Array<UserError>;
};

export type ConsentUpdateInput = {
  /** At most 100, one per purpose. */
  changes: Array<ConsentChangeInput>;
  /** The customer's global ID: required for partner keys (consents:write); customers may omit it. */
  customerId?: InputMaybe<Scalars['ID']['input']>;
};

export type ConsentUpdatePayload = {
  __typename?: 'ConsentUpdatePayload';
  /** Every purpose's current choice after the update. */
  consents?: Maybe<Array<CustomerConsent>>;
  /** Whether a double opt-in confirmation link was emailed. */
  isConfirmationSent?: Maybe<Scalars['Boolean']['output']>;
  userErrors: Array<UserError>;
};

export type ContactPoint = {
  __typename?: 'ContactPoint';
  address?: Maybe<Scalars['String']['output']>;
  email?: Maybe<Scalars['String']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  note?: Maybe<Scalars['String']['output']>;
  phone?: Maybe<Scalars['String']['output']>;
  website?: Maybe<Scalars['String']['output']>;
};

export type Controller = {
  __typename?: 'Controller';
  address: Scalars['String']['output'];
  country: Scalars['String']['output'];
  email?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  phone?: Maybe<Scalars['String']['output']>;
  registration?: Maybe<Scalars['String']['output']>;
  role: Scalars['String']['output'];
  taxId?: Maybe<Scalars['String']['output']>;
};

export type CookieCategory = {
  __typename?: 'CookieCategory';
  description: Scalars['String']['output'];
  isRequired: Scalars['Boolean']['output'];
  key: Scalars['String']['output'];
  label: Scalars['String']['output'];
};

export type Customer = Node & {
  __typename?: 'Customer';
  /** Sign-ins, support sessions, reveals, downloads and partners' reads and changes, newest first; at most 100 per page. */
  accessLog: AccessLogEntryConnection;
  /** Oldest first. */
  addresses: Array<Address>;
  /** Nickname shown instead of the name where the shop uses one. */
  alias?: Maybe<Scalars['String']['output']>;
  connectedAccounts: ConnectedAccounts;
  /** Every consent record, newest first; at most 100 per page. */
  consentHistory: ConsentRecordConnection;
  /** The current choice for every purpose the shop offers, in the policy's order. */
  consents: Array<CustomerConsent>;
  createdAt: Scalars['DateTime']['output'];
  /** Everything the shop holds about the customer, by category (GDPR Art. 15). */
  dataCategories: Array<DataCategory>;
  /** One data set of dataCategories by its id (e.g. to page through all its records); null when unknown. */
  dataset?: Maybe<DataSet>;
  /** Several data sets by id (unknown ids are left out), e.g. the records of one category on demand. */
  datasets: Array<DataSet>;
  dateOfBirth?: Maybe<Scalars['Date']['output']>;
  /** What deleting the account would delete, anonymise and keep, and until when. */
  deletionPlan: DeletionPlan;
  /** The open deletion request (awaiting confirmation, scheduled or running), if any. */
  deletionRequest?: Maybe<DeletionRequest>;
  /** The name to greet the customer with: the alias when there is one. */
  displayName: Scalars['String']['output'];
  email: Scalars['String']['output'];
  /** Exports asked for, newest first; at most 100 per page. */
  exports: ExportConnection;
  firstName: Scalars['String']['output'];
  gender?: Maybe<Gender>;
  hometown?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  invitations: InvitationConnection;
  /** Invoices, newest first; at most 100 per page. */
  invoices: InvoiceConnection;
  lastName: Scalars['String']['output'];
  /** Orders, newest first; at most 100 per page. */
  orders: OrderConnection;
  /** The open email change, if any (only the newest request counts). */
  pendingEmailChange?: Maybe<PendingEmailChange>;
  /** The main number first. */
  phones: Array<Phone>;
  /** When the use of the customer's data was restricted (a granted restriction, GDPR Art. 18); null when it is not. */
  restrictedAt?: Maybe<Scalars['DateTime']['output']>;
  rightsRequests: CustomerRightsRequests;
  /** Whether the account is scheduled for deletion. */
  status: CustomerStatus;
  /** Whether support staff may act in this account (and, where the shop asks, the permission given). */
  supportAccess: SupportAccess;
  /** Warranty certificates, newest first; at most 100 per page. */
  warrantyCertificates: WarrantyCertificateConnection;
};


export type CustomerAccessLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type CustomerConsentHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type CustomerDatasetArgs = {
  id: Scalars['ID']['input'];
};


export type CustomerDatasetsArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type CustomerExportsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type CustomerInvitationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type CustomerInvoicesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type CustomerOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type CustomerRightsRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type CustomerWarrantyCertificatesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** The customer's current choice for one purpose. */
export type CustomerConsent = {
  __typename?: 'CustomerConsent';
  /** True when the state is WITHDRAWN only because of this request's Global Privacy Control signal. */
  isOverriddenByGlobalPrivacyControl: Scalars['Boolean']['output'];
  /** Of the latest record; null when there is none. */
  optInLevel?: Maybe<ConsentOptInLevel>;
  purpose: ConsentPurpose;
  /** The state in the consent records, before those two rules. */
  recordedState: ConsentState;
  /** Where the latest record was made; null when there is none. */
  source?: Maybe<ConsentSource>;
  /**
   * What holds now: strictly necessary cookies are always GRANTED, and purposes covered
   * by Global Privacy Control are WITHDRAWN while the signal is present.
   */
  state: ConsentState;
  /** When the latest record was made; null when there is none. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};

export type CustomerEmailChangeConfirmInput = {
  /** The token from the confirmation link. */
  token: Scalars['String']['input'];
};

export type CustomerEmailChangeConfirmPayload = {
  __typename?: 'CustomerEmailChangeConfirmPayload';
  /** The customer with the new address. */
  customer?: Maybe<Customer>;
  userErrors: Array<UserError>;
};

export type CustomerEmailChangeRequestInput = {
  newEmail: Scalars['String']['input'];
  /** The account's current password, asked for again. */
  password: Scalars['String']['input'];
};

export type CustomerEmailChangeRequestPayload = {
  __typename?: 'CustomerEmailChangeRequestPayload';
  /** When the link stops working (24 hours). */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** The address the confirmation link was sent to. */
  pendingEmail?: Maybe<Scalars['String']['output']>;
  userErrors: Array<UserError>;
};

export type CustomerPasswordSetInput = {
  password: Scalars['String']['input'];
};

export type CustomerPasswordSetPayload = {
  __typename?: 'CustomerPasswordSetPayload';
  customer?: Maybe<Customer>;
  userErrors: Array<UserError>;
};

/** The customer's requests, with what they can file. */
export type CustomerRightsRequests = {
  __typename?: 'CustomerRightsRequests';
  /** Data categories the shop holds, for a restriction or a disputed correction. */
  categories: Array<RightsRequestChoice>;
  /** The due date of a request filed now. */
  dueDatesIfFiledNow: RequestDueDates;
  /** The purposes the customer objected to that no longer apply to them. */
  objectedPurposes: Array<RightsRequestChoice>;
  /** Purposes based on legitimate interests an objection can name. */
  objectionPurposes: Array<RightsRequestChoice>;
  /** Every open request (open or awaiting a check), the earliest due first: at most one per type and filer. */
  open: Array<RightsRequest>;
  /** Newest first. */
  requests: RightsRequestConnection;
  /** When the use of the customer's data has been restricted (granted restriction); null otherwise. */
  restrictedAt?: Maybe<Scalars['DateTime']['output']>;
  /** What the customer can file here (empty for staff and partners). */
  types: Array<RightsRequestTypeOption>;
};

export type CustomerSignUpInput = {
  /**
   * Choices ticked on the sign-up form (marketing, profiling, cookies), recorded with the
   * source SIGN_UP. Email marketing in a double opt-in shop stays PENDING until the
   * confirmation link mailed to the new address is followed.
   */
  consents?: InputMaybe<Array<ConsentChangeInput>>;
  email: Scalars['String']['input'];
  firstName: Scalars['String']['input'];
  /** The token of the invitation link the customer came through (optional; one not valid is ignored). */
  invitationToken?: InputMaybe<Scalars['String']['input']>;
  lastName: Scalars['String']['input'];
  /** At least 10 characters. */
  password: Scalars['String']['input'];
  /** Handle of the shop to open the account with. */
  shop: Scalars['String']['input'];
};

export type CustomerSignUpPayload = {
  __typename?: 'CustomerSignUpPayload';
  customer?: Maybe<Customer>;
  userErrors: Array<UserError>;
};

export type CustomerStatus =
  | 'ACTIVE'
  | 'DELETION_SCHEDULED';

/** Only the fields sent change; null (or an empty string) clears an optional field. */
export type CustomerUpdateInput = {
  alias?: InputMaybe<Scalars['String']['input']>;
  /** YYYY-MM-DD; a real date, not in the future, aged 13 to 120. */
  dateOfBirth?: InputMaybe<Scalars['String']['input']>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  gender?: InputMaybe<Gender>;
  hometown?: InputMaybe<Scalars['String']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** Replaces all phone numbers (at most 10); an empty list removes them. */
  phones?: InputMaybe<Array<PhoneInput>>;
};

export type CustomerUpdatePayload = {
  __typename?: 'CustomerUpdatePayload';
  customer?: Maybe<Customer>;
  userErrors: Array<UserError>;
};

/** One category of personal data the shop holds about the customer, with the reasons. */
export type DataCategory = {
  __typename?: 'DataCategory';
  datasets: Array<DataSet>;
  /** What the shop's policy says about this category; null when the policy does not declare it. */
  description?: Maybe<Scalars['String']['output']>;
  /** False when data is held in a category the shop's policy does not declare. */
  isDeclared: Scalars['Boolean']['output'];
  key: Scalars['String']['output'];
  label: Scalars['String']['output'];
  /** Why it is processed, each with its legal basis. */
  purposes: Array<ProcessingPurpose>;
  /** Who receives it, and where they are. */
  recipients: Array<Recipient>;
  /** How long it is kept, in words and as a date where one can be computed. */
  retention: Array<RetentionInfo>;
  sources: Array<DataSource>;
};

export type DataField = {
  __typename?: 'DataField';
  /** Masked by default; revealing it is recorded. */
  isSensitive: Scalars['Boolean']['output'];
  key: Scalars['String']['output'];
  label: Scalars['String']['output'];
  /** Where the value came from. */
  source: DataSource;
};

export type DataRecord = {
  __typename?: 'DataRecord';
  id: Scalars['ID']['output'];
  /** When this record is deleted under the shop's retention rules, where computable. */
  keptUntil?: Maybe<Scalars['DateTime']['output']>;
  values: Array<DataValue>;
};

export type DataRecordConnection = {
  __typename?: 'DataRecordConnection';
  edges: Array<DataRecordEdge>;
  pageInfo: PageInfo;
  /** The data set's count: exact up to 1,000. */
  totalCount: Scalars['Int']['output'];
};

export type DataRecordEdge = {
  __typename?: 'DataRecordEdge';
  cursor: Scalars['String']['output'];
  node: DataRecord;
};

export type DataRevealInput = {
  /** The key of a masked (sensitive) field of that record. */
  field: Scalars['String']['input'];
  /** The id of a DataRecord from dataCategories. */
  recordId: Scalars['ID']['input'];
};

export type DataRevealPayload = {
  __typename?: 'DataRevealPayload';
  userErrors: Array<UserError>;
  /** The value in full; null when the record has no value there. */
  value?: Maybe<Scalars['String']['output']>;
};

/** The values of one kind of record (e.g. addresses) that belong to a category. */
export type DataSet = {
  __typename?: 'DataSet';
  /** How many records the customer has here, counted up to 1,000 (see isCountExact). */
  count: Scalars['Int']['output'];
  fields: Array<DataField>;
  id: Scalars['ID']['output'];
  /** False when there are more than 1,000 records; count is then 1,000. */
  isCountExact: Scalars['Boolean']['output'];
  label: Scalars['String']['output'];
  records: DataRecordConnection;
};


/** The values of one kind of record (e.g. addresses) that belong to a category. */
export type DataSetRecordsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type DataSource =
  /** Collected automatically. */
  | 'AUTOMATIC'
  /** Given by the customer. */
  | 'GIVEN'
  /** From a partner or enrichment service. */
  | 'PARTNER'
  /** From a social sign-in provider. */
  | 'PROVIDER';

export type DataValue = {
  __typename?: 'DataValue';
  field: Scalars['String']['output'];
  isMasked: Scalars['Boolean']['output'];
  label: Scalars['String']['output'];
  /** The value as text (dates ISO 8601, amounts with currency); masked when sensitive. */
  value?: Maybe<Scalars['String']['output']>;
};

export type DeletionPlan = {
  __typename?: 'DeletionPlan';
  /** Whether the same email address may open a new account afterwards. */
  canReRegister: Scalars['Boolean']['output'];
  /** What erasure does to each data set that holds records, computed for erasureDate. */
  entries: Array<DeletionPlanEntry>;
  /** When erasure would run if confirmed now, or when it is scheduled. */
  erasureDate: Scalars['DateTime']['output'];
  /** Days between confirming and erasure, during which it can be cancelled (0: at once). */
  gracePeriodDays: Scalars['Int']['output'];
  /** The shop's own warning, shown before anything is asked. */
  warning: Scalars['String']['output'];
};

/** One line of the table of what erasure does: a data set and what happens to it. */
export type DeletionPlanEntry = {
  __typename?: 'DeletionPlanEntry';
  action: ErasureAction;
  /** The data category key, e.g. "documents". */
  category: Scalars['String']['output'];
  /** How many records this line covers. */
  count: Scalars['Int']['output'];
  /** The data set, e.g. "Invoices". */
  dataSet: Scalars['String']['output'];
  /** The line in words. */
  explanation: Scalars['String']['output'];
  /** For RETAIN: the earliest and the latest date these records are purged on. */
  retainedUntilEarliest?: Maybe<Scalars['DateTime']['output']>;
  retainedUntilLatest?: Maybe<Scalars['DateTime']['output']>;
  /** For RETAIN: the shop's retention rule that keeps these records. */
  rule?: Maybe<RetentionRule>;
};

export type DeletionRequest = Node & {
  __typename?: 'DeletionRequest';
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Until when the emailed confirmation link works (while AWAITING_CONFIRMATION). */
  confirmationExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  confirmedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  requestedAt: Scalars['DateTime']['output'];
  /** When erasure runs: the end of the grace period. */
  scheduledFor?: Maybe<Scalars['DateTime']['output']>;
  status: DeletionRequestStatus;
};

export type DeletionRequestStatus =
  /** Asked for; waiting for the link in the email (valid 24 hours). */
  | 'AWAITING_CONFIRMATION'
  /** Cancelled; nothing was erased. */
  | 'CANCELLED'
  /** The account was erased. */
  | 'COMPLETED'
  /** Erasure is running; it can no longer be cancelled. */
  | 'ERASING'
  /** Confirmed; the account is erased at scheduledFor unless cancelled before. */
  | 'SCHEDULED'
  /** Replaced by a newer request before it was confirmed. */
  | 'SUPERSEDED';

export type DeletionTerms = {
  __typename?: 'DeletionTerms';
  canReRegister: Scalars['Boolean']['output'];
  gracePeriodDays: Scalars['Int']['output'];
  warning: Scalars['String']['output'];
};

/** A length of time, with its wording for people. */
export type Duration = {
  __typename?: 'Duration';
  days: Scalars['Int']['output'];
  months: Scalars['Int']['output'];
  /** e.g. "5 years", "1 month" or "10 working days". */
  text: Scalars['String']['output'];
  /** Working days instead of calendar time (request deadlines only); 0 otherwise. */
  workingDays: Scalars['Int']['output'];
  years: Scalars['Int']['output'];
};

export type ErasureAction =
  /** Kept without anything that identifies you, detached from your account. */
  | 'ANONYMISE'
  /** The records are deleted. */
  | 'DELETE'
  /** Kept as they are, for the stated reason. */
  | 'KEEP'
  /** Kept under a retention rule of the shop (see rule), detached from your account, and deleted or anonymised when it ends. */
  | 'RETAIN';

export type Export = Node & {
  __typename?: 'Export';
  /** Size of the file in bytes. */
  byteSize?: Maybe<Scalars['Float']['output']>;
  /** The category keys asked for; empty means every category. */
  categories: Array<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** A signed link for the owner while READY; it asks for the password again when needed. */
  downloadUrl?: Maybe<Scalars['String']['output']>;
  /** Every download of this export, newest first (at most 20). */
  downloads: Array<ExportDownload>;
  /** When the download link stops working and the file is deleted. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why it failed, as an error code. */
  failureCode?: Maybe<Scalars['String']['output']>;
  format: ExportFormat;
  /** Records dated from this day (UTC); null for no lower bound. */
  from?: Maybe<Scalars['Date']['output']>;
  id: Scalars['ID']['output'];
  /** Percent done, 0-100. */
  progress: Scalars['Int']['output'];
  readyAt?: Maybe<Scalars['DateTime']['output']>;
  /** Records written so far and in total (documents count as one each). */
  recordsDone: Scalars['Int']['output'];
  recordsTotal?: Maybe<Scalars['Int']['output']>;
  /** SHA-256 of the file, hex, to check a download. */
  sha256?: Maybe<Scalars['String']['output']>;
  status: ExportStatus;
  /** Records dated up to and including this day (UTC); null for no upper bound. */
  to?: Maybe<Scalars['Date']['output']>;
};

export type ExportConnection = {
  __typename?: 'ExportConnection';
  edges: Array<ExportEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ExportCreateInput = {
  /** Category keys from dataCategories; omitted or empty for every category. */
  categories?: InputMaybe<Array<Scalars['String']['input']>>;
  format: ExportFormat;
  /** Only records dated from this day (UTC). The account's own details are always included. */
  from?: InputMaybe<Scalars['Date']['input']>;
  /** Only records dated up to and including this day (UTC). */
  to?: InputMaybe<Scalars['Date']['input']>;
};

export type ExportCreatePayload = {
  __typename?: 'ExportCreatePayload';
  export?: Maybe<Export>;
  /** True when an export was already queued or running: that one is returned instead. */
  isExisting?: Maybe<Scalars['Boolean']['output']>;
  userErrors: Array<UserError>;
};

export type ExportDownload = {
  __typename?: 'ExportDownload';
  at: Scalars['DateTime']['output'];
  /** The browser that downloaded it. */
  userAgent?: Maybe<Scalars['String']['output']>;
};

export type ExportEdge = {
  __typename?: 'ExportEdge';
  cursor: Scalars['String']['output'];
  node: Export;
};

export type ExportFormat =
  /** A ZIP archive: one CSV file per data set, a README, and invoice and warranty PDFs. */
  | 'CSV'
  /** One JSON document. */
  | 'JSON';

export type ExportStatus =
  /** The link expired and the file was deleted. */
  | 'EXPIRED'
  /** Could not be prepared; ask for a new one. */
  | 'FAILED'
  /** Waiting for a worker. */
  | 'QUEUED'
  /** Ready to download until expiresAt. */
  | 'READY'
  /** Being written; see progress. */
  | 'RUNNING';

export type Gender =
  | 'FEMALE'
  | 'MALE'
  | 'NON_BINARY'
  | 'UNDISCLOSED';

/** A support agent acting in a customer's account for a stated reason, for a limited time. */
export type Impersonation = Node & {
  __typename?: 'Impersonation';
  /** The customer acted for. */
  customer?: Maybe<SupportCustomer>;
  /** ENDED (by the agent), SIGNED_OUT, EXPIRED, REVOKED (by the customer) or REPLACED (by another session). */
  endReason?: Maybe<Scalars['String']['output']>;
  endedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the session ends at the latest. */
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  reason: Scalars['String']['output'];
  startedAt: Scalars['DateTime']['output'];
  /** The support ticket the session is for. */
  ticket: Scalars['String']['output'];
};

export type ImpersonationPayload = {
  __typename?: 'ImpersonationPayload';
  impersonation?: Maybe<Impersonation>;
  userErrors: Array<UserError>;
};

export type ImpersonationStartInput = {
  /** The customer's global ID. */
  customerId: Scalars['ID']['input'];
  /** Why, in at least 10 characters: the customer reads it in their access log. */
  reason: Scalars['String']['input'];
  /** The support ticket reference. */
  ticket: Scalars['String']['input'];
};

export type Invitation = {
  __typename?: 'Invitation';
  channel: InvitationChannel;
  /** When it was accepted, objected to, withdrawn or expired. */
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** When the friend's details were deleted. */
  detailsErasedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the friend's details are deleted if the invitation is not accepted by then. */
  expiresAt: Scalars['DateTime']['output'];
  /** The friend's email address; null for share links or once deleted. */
  friendEmail?: Maybe<Scalars['String']['output']>;
  /** The friend's name as the customer gave it; null when none was given or it is deleted. */
  friendName?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** The link to send (open share links, to the customer only). */
  link?: Maybe<Scalars['String']['output']>;
  /** Facebook's or X's share page for the link (FACEBOOK and TWITTER share links). */
  shareUrl?: Maybe<Scalars['String']['output']>;
  status: InvitationStatus;
};

export type InvitationChannel =
  /** One email to the friend, who agreed to hear from us: it is their privacy notice. */
  | 'EMAIL'
  /** The same link, shared on Facebook. */
  | 'FACEBOOK'
  /** A link the customer copies and sends themselves; we hold nothing about the friend. */
  | 'LINK'
  /** The same link, shared on X (Twitter). */
  | 'TWITTER';

/** The customer's invitations, newest first, with what the shop allows. */
export type InvitationConnection = {
  __typename?: 'InvitationConnection';
  /** How the shop lets customers invite, share link first; empty where it has no invitations. */
  channels: Array<InvitationChannel>;
  edges: Array<InvitationEdge>;
  /** At the limit: when the next invitation may be made. */
  nextAllowedAt?: Maybe<Scalars['DateTime']['output']>;
  pageInfo: PageInfo;
  /** How many invitations a customer may make in 24 hours. */
  perDay: Scalars['Int']['output'];
  /** How many more may be made now; null for someone who cannot invite (a support agent). */
  remainingToday?: Maybe<Scalars['Int']['output']>;
  /** How many days a friend's details are kept when the invitation is not accepted. */
  retentionDays: Scalars['Int']['output'];
  totalCount: Scalars['Int']['output'];
};

export type InvitationCreateInput = {
  channel: InvitationChannel;
  /** EMAIL only: the friend's address. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** EMAIL only: must be true, the customer confirms the friend agreed to hear from us. */
  friendAgreed?: InputMaybe<Scalars['Boolean']['input']>;
  /** EMAIL only, optional: the friend's name, used to greet them. */
  name?: InputMaybe<Scalars['String']['input']>;
};

export type InvitationEdge = {
  __typename?: 'InvitationEdge';
  cursor: Scalars['String']['output'];
  node: Invitation;
};

/** An invitation as its link's page shows it to the friend, without signing in. */
export type InvitationLink = {
  __typename?: 'InvitationLink';
  /** Whether the link still opens an account as this invitation. */
  canAccept: Scalars['Boolean']['output'];
  /** Whether "Don't contact me again" applies (an emailed invitation not accepted nor already objected to). */
  canObject: Scalars['Boolean']['output'];
  channel: InvitationChannel;
  createdAt: Scalars['DateTime']['output'];
  expiresAt: Scalars['DateTime']['output'];
  /** What we hold about the friend now: null for a share link or once deleted. */
  friendEmail?: Maybe<Scalars['String']['output']>;
  friendName?: Maybe<Scalars['String']['output']>;
  /** Who invited the friend (first and last name). */
  inviterName: Scalars['String']['output'];
  retentionDays: Scalars['Int']['output'];
  shop: Shop;
  status: InvitationStatus;
};

export type InvitationObjectionInput = {
  /** The token from the invitation's link. */
  token: Scalars['String']['input'];
};

export type InvitationObjectionPayload = {
  __typename?: 'InvitationObjectionPayload';
  /** True when the friend had already objected: nothing new was recorded. */
  isAlreadyObjected?: Maybe<Scalars['Boolean']['output']>;
  shop?: Maybe<Shop>;
  userErrors: Array<UserError>;
};

export type InvitationPayload = {
  __typename?: 'InvitationPayload';
  invitation?: Maybe<Invitation>;
  userErrors: Array<UserError>;
};

export type InvitationStatus =
  /** The friend opened an account. */
  | 'ACCEPTED'
  /** Not accepted in time: the friend's details are deleted. */
  | 'EXPIRED'
  /** The friend asked not to be contacted again: their details are deleted. */
  | 'OBJECTED'
  /** Emailed, or the share link made; waiting for the friend. */
  | 'SENT'
  /** Withdrawn by the customer: the friend's details are deleted. */
  | 'WITHDRAWN';

export type InvitationsEraseFriendDetailsPayload = {
  __typename?: 'InvitationsEraseFriendDetailsPayload';
  /** How many invitations held a friend's name or address, now deleted. */
  erasedCount?: Maybe<Scalars['Int']['output']>;
  userErrors: Array<UserError>;
};

export type Invoice = Node & {
  __typename?: 'Invoice';
  billingAddress: Scalars['String']['output'];
  billingName: Scalars['String']['output'];
  billingTaxId?: Maybe<Scalars['String']['output']>;
  /** Where the signed-in owner downloads the PDF. */
  downloadUrl: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  issuedAt: Scalars['DateTime']['output'];
  net: Money;
  number: Scalars['String']['output'];
  orderNumber?: Maybe<Scalars['String']['output']>;
  tax: Money;
  total: Money;
};

export type InvoiceConnection = {
  __typename?: 'InvoiceConnection';
  edges: Array<InvoiceEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type InvoiceEdge = {
  __typename?: 'InvoiceEdge';
  cursor: Scalars['String']['output'];
  node: Invoice;
};

export type LegalBasis =
  | 'CONSENT'
  | 'CONTRACT'
  | 'LEGAL_OBLIGATION'
  | 'LEGITIMATE_INTERESTS'
  | 'PUBLIC_TASK'
  | 'VITAL_INTERESTS';

export type LegalRegime = {
  __typename?: 'LegalRegime';
  code: Scalars['String']['output'];
  law: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

export type MarketingChannel = {
  __typename?: 'MarketingChannel';
  key: Scalars['String']['output'];
  label: Scalars['String']['output'];
};

export type MarketingOptions = {
  __typename?: 'MarketingOptions';
  channels: Array<MarketingChannel>;
  offersProfiling: Scalars['Boolean']['output'];
  offersThirdPartySharing: Scalars['Boolean']['output'];
  requiresDoubleOptIn: Scalars['Boolean']['output'];
  topics: Array<MarketingTopic>;
  unsubscribeHint: Scalars['String']['output'];
};

export type MarketingTopic = {
  __typename?: 'MarketingTopic';
  key: Scalars['String']['output'];
  label: Scalars['String']['output'];
};

export type Money = {
  __typename?: 'Money';
  cents: Scalars['Int']['output'];
  currency: Scalars['String']['output'];
  /** e.g. "123.45 RON". */
  formatted: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** @deprecated Placeholder so domains can extend Mutation. */
  _empty?: Maybe<Scalars['Boolean']['output']>;
  /** Cancels the open deletion request, awaiting confirmation or scheduled, before erasure starts. */
  accountDeletionCancel: AccountDeletionCancelPayload;
  /** Confirms with the emailed link's token (single use, signed in as the same customer): schedules erasure after the shop's grace period. */
  accountDeletionConfirm: AccountDeletionConfirmPayload;
  /** Asks to delete the account: checks the password and the typed confirmation, then emails a confirmation link (valid 24 hours). A newer request replaces an unconfirmed one. */
  accountDeletionRequest: AccountDeletionRequestPayload;
  /** Adds an address to the signed-in customer's address book (at most 20). */
  addressCreate: AddressPayload;
  /** Removes one of the signed-in customer's addresses. */
  addressDelete: AddressDeletePayload;
  /** Corrects one of the signed-in customer's addresses. */
  addressUpdate: AddressPayload;
  /** Creates an API key; privacy officers only. The secret is returned once. */
  apiKeyCreate: ApiKeyCreatePayload;
  /** Ends the key and all its secrets at once. Privacy officers only. */
  apiKeyRevoke: ApiKeyRevokePayload;
  /** Issues a new secret; the current ones keep working until the time given. Privacy officers only. */
  apiKeyRotate: ApiKeyRotatePayload;
  /** Erases what an unlinked provider gave us. Audited. */
  connectedAccountEraseProvidedData: ConnectedAccountPayload;
  /**
   * Unlinks a provider: it no longer signs in to this account. Refused when it is the last
   * way to sign in (set a password or link another provider first). Audited; shown in the
   * customer's access log. Not available to support agents or API keys.
   */
  connectedAccountUnlink: ConnectedAccountPayload;
  /**
   * Records the browser's Global Privacy Control signal as a withdrawal of every covered
   * purpose still granted. Needs the signal on the request and a shop that honours it.
   * Running it again writes nothing.
   */
  consentApplyGlobalPrivacyControl: ConsentApplyGlobalPrivacyControlPayload;
  /** Follows a double opt-in link: works without signing in, once, for 7 days. */
  consentConfirm: ConsentConfirmPayload;
  /** Unsubscribes with the token of an unsubscribe link, without signing in. Running it again writes nothing. */
  consentUnsubscribe: ConsentUnsubscribePayload;
  /**
   * Changes the signed-in customer's consents: all changes or none. A change to the
   * current state writes nothing. Granting email marketing where the shop requires double
   * opt-in records PENDING and emails a confirmation link; withdrawing takes effect at once
   * (and cancels a pending grant).
   */
  consentUpdate: ConsentUpdatePayload;
  /**
   * Confirms an email change with the token from the link. Only the customer who asked,
   * signed in to the same shop, can confirm; a link works once, for 24 hours.
   */
  customerEmailChangeConfirm: CustomerEmailChangeConfirmPayload;
  /**
   * Asks to change the signed-in customer's email address: sends a confirmation link to
   * the new address and a notice to the current one. Replaces any earlier open request.
   * At most 5 requests in 24 hours.
   */
  customerEmailChangeRequest: CustomerEmailChangeRequestPayload;
  /**
   * Sets a first password on an account opened with a provider. Needs a sign-in with a
   * linked provider in the last 10 minutes; an account with a password cannot use this.
   */
  customerPasswordSet: CustomerPasswordSetPayload;
  /** Opens a customer account in a shop. Sign in afterwards with the same email and password. */
  customerSignUp: CustomerSignUpPayload;
  /** Corrects the signed-in customer's own details. */
  customerUpdate: CustomerUpdatePayload;
  /** Shows a masked value in full. Every reveal is recorded in the customer's access log. */
  dataReveal: DataRevealPayload;
  /**
   * Asks for a copy of the signed-in customer's data. One export runs at a time (asking
   * again returns the running one); at most 5 new exports in 24 hours. An email is sent
   * when it is ready.
   */
  exportCreate: ExportCreatePayload;
  /** Ends the agent's support session. */
  impersonationEnd: ImpersonationPayload;
  /** Starts a support session in a customer's account (ending the agent's current one). Agents only. */
  impersonationStart: ImpersonationPayload;
  /**
   * Invites a friend. LINK, FACEBOOK and TWITTER make a share link and store nothing about
   * the friend; EMAIL needs friendAgreed and sends exactly one message, the friend's notice.
   * At most the shop's perDay in 24 hours; one invitation per address per customer; an
   * address that objected, was erased or has an account "can't be invited". Not available
   * to support agents or API keys.
   */
  invitationCreate: InvitationPayload;
  /**
   * The friend's "Don't contact me again", without signing in: deletes their details from
   * every invitation of the shop and suppresses the address. Running it again writes nothing.
   */
  invitationObjection: InvitationObjectionPayload;
  /** Withdraws an open invitation: its link stops working and the friend's details are deleted. */
  invitationWithdraw: InvitationPayload;
  /** Deletes every friend's name and address the customer gave; open email invitations are withdrawn. */
  invitationsEraseFriendDetails: InvitationsEraseFriendDetailsPayload;
  /** Privacy officers: lift a restriction (the customer is told first, Art. 18(3)). */
  restrictionLift: RightsRequestPayload;
  /** The customer adds information to an open request. */
  rightsRequestAddInformation: RightsRequestPayload;
  /** Staff: an internal note, never shown to the customer. */
  rightsRequestAddNote: RightsRequestPayload;
  /** Privacy officers: assign a request. */
  rightsRequestAssign: RightsRequestPayload;
  /** Files a request: the customer for themselves, a partner (requests:write) or staff for a customer. */
  rightsRequestCreate: RightsRequestPayload;
  /** Privacy officers: decide with a reason; a granted restriction or objection takes effect at once. */
  rightsRequestDecide: RightsRequestPayload;
  /** Privacy officers: extend the due date with a reason, before the first due date passes; the customer is told. */
  rightsRequestExtend: RightsRequestPayload;
  /** Privacy officers: check a representative's proof of authority. */
  rightsRequestVerify: RightsRequestPayload;
  /** The customer withdraws an open request. */
  rightsRequestWithdraw: RightsRequestPayload;
  /** Enters the password again in this session (needed to download an export). */
  sessionReauthenticate: SessionReauthenticatePayload;
  /** The customer allows support staff into their account for a period. The customer only. */
  supportAccessGrant: SupportAccessPayload;
  /** The customer withdraws the permission; an open support session ends at once. The customer only. */
  supportAccessRevoke: SupportAccessPayload;
  /** Sends again every event since a time whose delivery to the endpoint did not succeed. */
  webhookDeliveriesReplay: WebhookDeliveriesReplayPayload;
  /** Sends one delivery's event again. */
  webhookDeliveryReplay: WebhookDeliveryReplayPayload;
  /** Creates an endpoint; the signing secret is returned once. */
  webhookEndpointCreate: WebhookEndpointCreatePayload;
  /** Deletes an endpoint; its pending deliveries are cancelled. */
  webhookEndpointDelete: WebhookEndpointDeletePayload;
  /** Issues a new signing secret; the old one keeps signing for 24 hours. */
  webhookEndpointRotateSecret: WebhookEndpointRotateSecretPayload;
  /** Changes an endpoint's URL, events or description, or enables or disables it. */
  webhookEndpointUpdate: WebhookEndpointUpdatePayload;
};


export type MutationAccountDeletionConfirmArgs = {
  input: AccountDeletionConfirmInput;
};


export type MutationAccountDeletionRequestArgs = {
  input: AccountDeletionRequestInput;
};


export type MutationAddressCreateArgs = {
  input: AddressInput;
};


export type MutationAddressDeleteArgs = {
  id: Scalars['ID']['input'];
};


export type MutationAddressUpdateArgs = {
  id: Scalars['ID']['input'];
  input: AddressUpdateInput;
};


export type MutationApiKeyCreateArgs = {
  input: ApiKeyCreateInput;
};


export type MutationApiKeyRevokeArgs = {
  id: Scalars['ID']['input'];
};


export type MutationApiKeyRotateArgs = {
  id: Scalars['ID']['input'];
  input?: InputMaybe<ApiKeyRotateInput>;
};


export type MutationConnectedAccountEraseProvidedDataArgs = {
  input: ConnectedAccountEraseProvidedDataInput;
};


export type MutationConnectedAccountUnlinkArgs = {
  input: ConnectedAccountUnlinkInput;
};


export type MutationConsentConfirmArgs = {
  input: ConsentConfirmInput;
};


export type MutationConsentUnsubscribeArgs = {
  input: ConsentUnsubscribeInput;
};


export type MutationConsentUpdateArgs = {
  input: ConsentUpdateInput;
};


export type MutationCustomerEmailChangeConfirmArgs = {
  input: CustomerEmailChangeConfirmInput;
};


export type MutationCustomerEmailChangeRequestArgs = {
  input: CustomerEmailChangeRequestInput;
};


export type MutationCustomerPasswordSetArgs = {
  input: CustomerPasswordSetInput;
};


export type MutationCustomerSignUpArgs = {
  input: CustomerSignUpInput;
};


export type MutationCustomerUpdateArgs = {
  input: CustomerUpdateInput;
};


export type MutationDataRevealArgs = {
  input: DataRevealInput;
};


export type MutationExportCreateArgs = {
  input: ExportCreateInput;
};


export type MutationImpersonationStartArgs = {
  input: ImpersonationStartInput;
};


export type MutationInvitationCreateArgs = {
  input: InvitationCreateInput;
};


export type MutationInvitationObjectionArgs = {
  input: InvitationObjectionInput;
};


export type MutationInvitationWithdrawArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRestrictionLiftArgs = {
  input: RightsRequestReasonInput;
};


export type MutationRightsRequestAddInformationArgs = {
  input: RightsRequestAddInformationInput;
};


export type MutationRightsRequestAddNoteArgs = {
  input: RightsRequestNoteInput;
};


export type MutationRightsRequestAssignArgs = {
  input: RightsRequestAssignInput;
};


export type MutationRightsRequestCreateArgs = {
  input: RightsRequestCreateInput;
};


export type MutationRightsRequestDecideArgs = {
  input: RightsRequestDecideInput;
};


export type MutationRightsRequestExtendArgs = {
  input: RightsRequestReasonInput;
};


export type MutationRightsRequestVerifyArgs = {
  input: RightsRequestVerifyInput;
};


export type MutationRightsRequestWithdrawArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSessionReauthenticateArgs = {
  input: SessionReauthenticateInput;
};


export type MutationSupportAccessGrantArgs = {
  input: SupportAccessGrantInput;
};


export type MutationWebhookDeliveriesReplayArgs = {
  input: WebhookDeliveriesReplayInput;
};


export type MutationWebhookDeliveryReplayArgs = {
  id: Scalars['ID']['input'];
};


export type MutationWebhookEndpointCreateArgs = {
  input: WebhookEndpointCreateInput;
};


export type MutationWebhookEndpointDeleteArgs = {
  id: Scalars['ID']['input'];
};


export type MutationWebhookEndpointRotateSecretArgs = {
  id: Scalars['ID']['input'];
};


export type MutationWebhookEndpointUpdateArgs = {
  id: Scalars['ID']['input'];
  input: WebhookEndpointUpdateInput;
};

/** An object with an opaque, globally unique ID (Relay). */
export type Node = {
  id: Scalars['ID']['output'];
};

export type Order = Node & {
  __typename?: 'Order';
  billingAddress: Scalars['String']['output'];
  billingName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  invoiceNumbers: Array<Scalars['String']['output']>;
  items: Array<OrderItem>;
  number: Scalars['String']['output'];
  placedAt: Scalars['DateTime']['output'];
  shipping: Money;
  shippingAddress: Scalars['String']['output'];
  shippingName: Scalars['String']['output'];
  status: OrderStatus;
  subtotal: Money;
  total: Money;
};

export type OrderConnection = {
  __typename?: 'OrderConnection';
  edges: Array<OrderEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type OrderEdge = {
  __typename?: 'OrderEdge';
  cursor: Scalars['String']['output'];
  node: Order;
};

export type OrderItem = {
  __typename?: 'OrderItem';
  productName: Scalars['String']['output'];
  quantity: Scalars['Int']['output'];
  sku: Scalars['String']['output'];
  unitPrice: Money;
};

export type OrderStatus =
  | 'CANCELLED'
  | 'DELIVERED'
  | 'PAID'
  | 'PLACED'
  | 'RETURNED'
  | 'SHIPPED';

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** The partner key making this request. */
export type Partner = {
  __typename?: 'Partner';
  /** The key's global ID (as ApiKey). */
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  scopes: Array<Scalars['String']['output']>;
};

/** An email change waiting for its confirmation link to be opened. */
export type PendingEmailChange = {
  __typename?: 'PendingEmailChange';
  /** When the confirmation link stops working. */
  expiresAt: Scalars['DateTime']['output'];
  /** The address that will replace the current one. */
  newEmail: Scalars['String']['output'];
};

export type Phone = {
  __typename?: 'Phone';
  /** The main number; at most one is. */
  isPrimary: Scalars['Boolean']['output'];
  kind: PhoneKind;
  /** E.164, e.g. +40712345678. */
  number: Scalars['String']['output'];
};

export type PhoneInput = {
  /** When no number is marked, the first one is the main one. */
  isPrimary?: InputMaybe<Scalars['Boolean']['input']>;
  kind: PhoneKind;
  /** Read as a number of the shop's country unless it starts with a country code. */
  number: Scalars['String']['input'];
};

export type PhoneKind =
  | 'HOME'
  | 'MOBILE'
  | 'WORK';

export type PolicyDataCategory = {
  __typename?: 'PolicyDataCategory';
  description: Scalars['String']['output'];
  key: Scalars['String']['output'];
  label: Scalars['String']['output'];
  sources: Array<DataSource>;
};

export type ProcessingPurpose = {
  __typename?: 'ProcessingPurpose';
  categories: Array<Scalars['String']['output']>;
  description: Scalars['String']['output'];
  key: Scalars['String']['output'];
  label: Scalars['String']['output'];
  legalBasis: LegalBasis;
  legalBasisDetail?: Maybe<Scalars['String']['output']>;
};

/** One value a provider gave us, under the provider's own field name. */
export type ProvidedValue = {
  __typename?: 'ProvidedValue';
  /** The provider's field, e.g. "first_name" or "picture.data.url". */
  field: Scalars['String']['output'];
  /** The field in words. */
  label: Scalars['String']['output'];
  value: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** The shop's API keys, for its privacy officer in the support console. */
  apiKeys: Array<ApiKey>;
  /** The scopes a key may carry. */
  apiScopes: Array<ApiScopeInfo>;
  /**
   * The shop's audit log, newest first; filter by customer (global ID or exact email),
   * agent (global ID) and action. Privacy officers only.
   */
  auditLog: AuditEventConnection;
  /** The shop's support staff, for filtering the audit log. Privacy officers only. */
  auditLogAgents: Array<Agent>;
  /** A double opt-in link by its token, without signing in; null when the token is not valid. */
  consentConfirmationLink?: Maybe<ConsentConfirmationLink>;
  /** An unsubscribe link by its token, without signing in; null when the token is not valid. */
  consentUnsubscribeLink?: Maybe<ConsentUnsubscribeLink>;
  /**
   * A customer by global ID: for a partner key with customers:read, a customer of the
   * key's shop; for others, only the request's own subject. Null when not found.
   */
  customer?: Maybe<Customer>;
  /**
   * A customer of the key's shop by exact email address (case-insensitive), for a partner
   * key with customers:read. Null when there is none.
   */
  customerByEmail?: Maybe<Customer>;
  /** A partner's view of one customer's requests (requests:read). */
  customerRightsRequests: RightsRequestConnection;
  /** An invitation by its link's token, without signing in; null when the token is not valid. */
  invitationLink?: Maybe<InvitationLink>;
  /** Fetches any object the viewer may see by its global ID. */
  node?: Maybe<Node>;
  /** One request: its customer, staff (with notes) or a partner with requests:read. */
  rightsRequest?: Maybe<RightsRequest>;
  /** The shop's request queue. Support staff and privacy officers of the shop. */
  rightsRequestQueue: RightsRequestQueue;
  /** A shop's public privacy profile; null when no shop has this handle. */
  shop?: Maybe<Shop>;
  /** Every shop served here, with its public privacy profile. */
  shops: Array<Shop>;
  /** One customer of the agent's shop; null for unknown and foreign ids. Agents only. */
  supportCustomer?: Maybe<SupportCustomer>;
  /**
   * Customers of the agent's shop: an email finds by exact address, an order number by
   * exact number, anything else by the start of a first name, last name or alias. Agents only.
   */
  supportCustomers: SupportCustomerConnection;
  /** Who is asking: the signed-in customer and their shop, or nobody. */
  viewer: Viewer;
  /** One endpoint the viewer manages (null when there is none with that id): to page through its deliveries, whose cursors are valid for that endpoint only. */
  webhookEndpoint?: Maybe<WebhookEndpoint>;
  /** The webhook endpoints the viewer manages: a privacy officer the shop's, a key its own. */
  webhookEndpoints: Array<WebhookEndpoint>;
  /** Every event type an endpoint can subscribe to. */
  webhookEventTypes: Array<WebhookEventType>;
};


export type QueryAuditLogArgs = {
  action?: InputMaybe<Scalars['String']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  agentId?: InputMaybe<Scalars['ID']['input']>;
  customerEmail?: InputMaybe<Scalars['String']['input']>;
  customerId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryConsentConfirmationLinkArgs = {
  token: Scalars['String']['input'];
};


export type QueryConsentUnsubscribeLinkArgs = {
  token: Scalars['String']['input'];
};


export type QueryCustomerArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCustomerByEmailArgs = {
  email: Scalars['String']['input'];
};


export type QueryCustomerRightsRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  customerId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryInvitationLinkArgs = {
  token: Scalars['String']['input'];
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRightsRequestArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRightsRequestQueueArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<RightsRequestQueueFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryShopArgs = {
  handle: Scalars['String']['input'];
};


export type QuerySupportCustomerArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySupportCustomersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
};


export type QueryWebhookEndpointArgs = {
  id: Scalars['ID']['input'];
};

export type Recipient = {
  __typename?: 'Recipient';
  categories: Array<Scalars['String']['output']>;
  isOutsideEEA: Scalars['Boolean']['output'];
  key: Scalars['String']['output'];
  kind: Scalars['String']['output'];
  location: Scalars['String']['output'];
  name: Scalars['String']['output'];
  purposes: Array<Scalars['String']['output']>;
};

export type RepresentativeInput = {
  /** The authorised agent's or representative's name (a person or organisation). */
  name: Scalars['String']['input'];
  /** The proof of authority they gave: what it is and where it is kept. */
  proof: Scalars['String']['input'];
};

/** When a rights request received at a moment must be answered, by the shop's regime. */
export type RequestDueDates = {
  __typename?: 'RequestDueDates';
  /** The legal due date: the period counted from the day after receipt, moved off weekends and public holidays. */
  dueOn: Scalars['Date']['output'];
  /** The due date if the shop extends it (announced before dueOn); null when it cannot. */
  extendedDueOn?: Maybe<Scalars['Date']['output']>;
  /** Whose public holidays count (ISO 3166-1 alpha-2). */
  holidayCountry: Scalars['String']['output'];
  /** False when this installation has no public holidays for that country (only weekends move the date). */
  holidaysKnown: Scalars['Boolean']['output'];
  /** The day it counts as received, in the controller's time zone. */
  receivedOn: Scalars['Date']['output'];
  timeZone: Scalars['String']['output'];
};

export type RequestHandling = {
  __typename?: 'RequestHandling';
  authorisedAgentRequirement?: Maybe<Scalars['String']['output']>;
  authorisedAgentsAllowed: Scalars['Boolean']['output'];
  /** The due dates of a request made now. */
  dueDatesIfAskedNow: RequestDueDates;
  extension?: Maybe<Duration>;
  extensionCondition?: Maybe<Scalars['String']['output']>;
  /** Purposes based on legitimate interests an objection can name. */
  objectionPurposes: Array<RightsRequestChoice>;
  publishesMetrics: Scalars['Boolean']['output'];
  responseDeadline: Duration;
  /** The rights requests a customer (or their representative) can file at this shop, in its words. */
  types: Array<RightsRequestTypeOption>;
  verification: Scalars['String']['output'];
};

export type RetentionInfo = {
  __typename?: 'RetentionInfo';
  explanation: Scalars['String']['output'];
  /** The date it is kept until, where the rule and the account's history give one. */
  keptUntil?: Maybe<Scalars['DateTime']['output']>;
  rule: RetentionRule;
};

export type RetentionRule = {
  __typename?: 'RetentionRule';
  basis: Scalars['String']['output'];
  categories: Array<Scalars['String']['output']>;
  /** Null when data is kept as long as the trigger lasts. */
  duration?: Maybe<Duration>;
  keepOnErasure: Scalars['Boolean']['output'];
  key: Scalars['String']['output'];
  label: Scalars['String']['output'];
  /** The rule in words, e.g. "5 years after the account is closed". */
  text: Scalars['String']['output'];
  trigger: Scalars['String']['output'];
};

export type Right = {
  __typename?: 'Right';
  conditions?: Maybe<Scalars['String']['output']>;
  description: Scalars['String']['output'];
  key: Scalars['String']['output'];
  label: Scalars['String']['output'];
};

export type RightsRequest = Node & {
  __typename?: 'RightsRequest';
  /** The staff member it is assigned to (staff only). */
  assignedTo?: Maybe<Agent>;
  /** Whether the viewer may add information or withdraw it (the customer, while open). */
  canChange: Scalars['Boolean']['output'];
  categories: Array<RightsRequestChoice>;
  /** The customer it is about (staff and partners). */
  customer?: Maybe<RightsRequestCustomer>;
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  decisionReason?: Maybe<Scalars['String']['output']>;
  details?: Maybe<Scalars['String']['output']>;
  /** The legal due date now (the extended one after an extension). */
  dueOn: Scalars['Date']['output'];
  /** The timeline, oldest first; staff notes only for staff. */
  events: Array<RightsRequestEvent>;
  /** The due date if it were extended; null when it is extended already or cannot be. */
  extendableTo?: Maybe<Scalars['Date']['output']>;
  extendedAt?: Maybe<Scalars['DateTime']['output']>;
  extensionReason?: Maybe<Scalars['String']['output']>;
  filedBy: RightsRequestFiler;
  /** The first legal due date. */
  firstDueOn: Scalars['Date']['output'];
  id: Scalars['ID']['output'];
  /** True while open past its due date. */
  isOverdue: Scalars['Boolean']['output'];
  /** The type's label in the shop's words. */
  label: Scalars['String']['output'];
  outcome?: Maybe<RightsRequestOutcome>;
  purposes: Array<RightsRequestChoice>;
  receivedAt: Scalars['DateTime']['output'];
  receivedOn: Scalars['Date']['output'];
  representativeName?: Maybe<Scalars['String']['output']>;
  /** The proof of authority the representative gave (privacy officers and the customer only; null for others). */
  representativeProof?: Maybe<Scalars['String']['output']>;
  selfService: Scalars['Boolean']['output'];
  status: RightsRequestStatus;
  type: RightsRequestType;
  withdrawnAt?: Maybe<Scalars['DateTime']['output']>;
};

export type RightsRequestAddInformationInput = {
  id: Scalars['ID']['input'];
  message: Scalars['String']['input'];
};

export type RightsRequestAssignInput = {
  /** The agent's global ID; null to unassign. */
  agentId?: InputMaybe<Scalars['ID']['input']>;
  id: Scalars['ID']['input'];
};

/** A purpose or data category a request can name. */
export type RightsRequestChoice = {
  __typename?: 'RightsRequestChoice';
  key: Scalars['String']['output'];
  label: Scalars['String']['output'];
};

export type RightsRequestConnection = {
  __typename?: 'RightsRequestConnection';
  edges: Array<RightsRequestEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type RightsRequestCreateInput = {
  /** RESTRICTION, DISPUTED_CORRECTION: data category keys. */
  categories?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Partners and staff: the customer's global ID. The customer files for themselves. */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** The customer's words (required where the type asks for them). */
  details?: InputMaybe<Scalars['String']['input']>;
  /** OBJECTION: purpose keys from objectionPurposes. */
  purposes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** When an authorised agent or representative files: needs a privacy officer's check. */
  representative?: InputMaybe<RepresentativeInput>;
  type: RightsRequestType;
};

/** The customer a request is about, as staff and partners see them. */
export type RightsRequestCustomer = {
  __typename?: 'RightsRequestCustomer';
  /** Staff only; null for partners (their name needs customers:read). */
  displayName?: Maybe<Scalars['String']['output']>;
  /** Staff only; null for partners. */
  email?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Whether the use of their data is restricted now. */
  isRestricted: Scalars['Boolean']['output'];
};

export type RightsRequestDecideInput = {
  /** OBJECTION partly granted: the purposes granted (default: all it names when GRANTED). */
  grantedPurposes?: InputMaybe<Array<Scalars['String']['input']>>;
  id: Scalars['ID']['input'];
  outcome: RightsRequestOutcome;
  /** Told to the customer, with how to complain to the authority. */
  reason: Scalars['String']['input'];
};

export type RightsRequestEdge = {
  __typename?: 'RightsRequestEdge';
  cursor: Scalars['String']['output'];
  node: RightsRequest;
};

export type RightsRequestEvent = {
  __typename?: 'RightsRequestEvent';
  /** The staff member's or partner's name on their steps; null for the customer's and the system's. */
  actorName?: Maybe<Scalars['String']['output']>;
  /** Who: CUSTOMER, AGENT (staff), PARTNER or SYSTEM. */
  actorType: Scalars['String']['output'];
  at: Scalars['DateTime']['output'];
  /**
   * A staff note or assignment: not shown on the customer's requests page (it is in a copy
   * of their data if they ask for one, GDPR Art. 15).
   */
  internal: Scalars['Boolean']['output'];
  /** RECEIVED, IDENTITY_CONFIRMED, VERIFIED, ACKNOWLEDGED, INFORMATION_ADDED, ASSIGNED, NOTE, EXTENDED, DECIDED, WITHDRAWN, CLOSED. */
  kind: Scalars['String']['output'];
  /** The customer's added information, the extension's or the decision's reason, a staff note. */
  message?: Maybe<Scalars['String']['output']>;
  /** What happened, in words. */
  summary: Scalars['String']['output'];
};

export type RightsRequestFiler =
  | 'CUSTOMER'
  /** A partner shop through the API (requests:write). */
  | 'PARTNER'
  /** An authorised agent or representative, with proof of authority. */
  | 'REPRESENTATIVE';

export type RightsRequestMetrics = {
  __typename?: 'RightsRequestMetrics';
  rows: Array<RightsRequestMetricsRow>;
  total: RightsRequestMetricsRow;
  year: Scalars['Int']['output'];
};

/** Figures for one request type in one calendar year (by the day received). */
export type RightsRequestMetricsRow = {
  __typename?: 'RightsRequestMetricsRow';
  granted: Scalars['Int']['output'];
  label: Scalars['String']['output'];
  /** Decided after their due date, or still open past it. */
  late: Scalars['Int']['output'];
  meanDaysToRespond?: Maybe<Scalars['Float']['output']>;
  /**
   * Median days from receipt to decision (decided requests; self-service ones take 0 days,
   * and the total counts only the requests that needed a decision); null when none.
   */
  medianDaysToRespond?: Maybe<Scalars['Float']['output']>;
  partlyGranted: Scalars['Int']['output'];
  /** Still open. */
  pending: Scalars['Int']['output'];
  received: Scalars['Int']['output'];
  refused: Scalars['Int']['output'];
  /** null for the total of all types. */
  type?: Maybe<RightsRequestType>;
  withdrawn: Scalars['Int']['output'];
};

export type RightsRequestNoteInput = {
  id: Scalars['ID']['input'];
  note: Scalars['String']['input'];
};

export type RightsRequestOutcome =
  | 'GRANTED'
  | 'PARTLY_GRANTED'
  | 'REFUSED';

export type RightsRequestPayload = {
  __typename?: 'RightsRequestPayload';
  request?: Maybe<RightsRequest>;
  userErrors: Array<UserError>;
};

export type RightsRequestQueue = {
  __typename?: 'RightsRequestQueue';
  /** Due within the next 7 days and not overdue. */
  dueSoonCount: Scalars['Int']['output'];
  /** Open or awaiting verification. */
  openCount: Scalars['Int']['output'];
  overdueCount: Scalars['Int']['output'];
  /** Overdue first, then by due date. */
  requests: RightsRequestConnection;
};

/** Filters of the staff queue. */
export type RightsRequestQueueFilter = {
  /** Only requests assigned to this agent (global ID). */
  assignedToId?: InputMaybe<Scalars['ID']['input']>;
  /** Self-service requests are left out unless true. */
  includeSelfService?: InputMaybe<Scalars['Boolean']['input']>;
  /** Default: open and awaiting verification. */
  statuses?: InputMaybe<Array<RightsRequestStatus>>;
  types?: InputMaybe<Array<RightsRequestType>>;
};

export type RightsRequestReasonInput = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

export type RightsRequestStatus =
  /** Filed by an authorised agent or representative: a privacy officer checks their proof first. */
  | 'AWAITING_VERIFICATION'
  /** Decided and closed. */
  | 'CLOSED'
  /** Received and acknowledged: waiting for a decision. */
  | 'OPEN'
  /** Withdrawn by the customer. */
  | 'WITHDRAWN';

export type RightsRequestType =
  /** A copy of the data (self-service export). */
  | 'ACCESS'
  /** Review by a person of a decision made by automated means (Art. 22). */
  | 'AUTOMATED_DECISION'
  /** A correction the customer disputes, or data they say is wrong and cannot correct themselves. */
  | 'DISPUTED_CORRECTION'
  /** Deletion of the account. */
  | 'ERASURE'
  /** Objection (Art. 21) to purposes based on the shop's legitimate interests. */
  | 'OBJECTION'
  /** A correction made in the account. */
  | 'RECTIFICATION'
  /** Restriction of processing (Art. 18): the data is kept but not used. */
  | 'RESTRICTION'
  /** Withdrawal of marketing consent. */
  | 'WITHDRAW_CONSENT';

/** A request type the shop offers, in the shop's words. */
export type RightsRequestTypeOption = {
  __typename?: 'RightsRequestTypeOption';
  /** Whether the customer may say which data it concerns. */
  asksForCategories: Scalars['Boolean']['output'];
  /** Whether the customer must say which purposes (OBJECTION: the legitimate-interest purposes). */
  asksForPurposes: Scalars['Boolean']['output'];
  /** When it applies, from the shop's policy. */
  conditions?: Maybe<Scalars['String']['output']>;
  /** What it means, from the shop's policy. */
  description: Scalars['String']['output'];
  /** The question the form asks for the details. */
  detailsLabel: Scalars['String']['output'];
  /** The right's name in the shop's policy. */
  label: Scalars['String']['output'];
  /** Whether the customer must explain (grounds, what is wrong, the decision to review). */
  requiresDetails: Scalars['Boolean']['output'];
  type: RightsRequestType;
};

export type RightsRequestVerifyInput = {
  id: Scalars['ID']['input'];
  /** True: the proof of authority holds and the request is opened; false: refused with the reason. */
  isAccepted: Scalars['Boolean']['input'];
  reason: Scalars['String']['input'];
};

export type SessionReauthenticateInput = {
  password: Scalars['String']['input'];
};

export type SessionReauthenticatePayload = {
  __typename?: 'SessionReauthenticatePayload';
  /** When the password was entered; sensitive actions are allowed for 10 minutes after. */
  authenticatedAt?: Maybe<Scalars['DateTime']['output']>;
  userErrors: Array<UserError>;
};

/** A shop (tenant) and the privacy promises of its policy. */
export type Shop = Node & {
  __typename?: 'Shop';
  branding: ShopBranding;
  handle: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  policy: ShopPolicy;
  /**
   * Request figures of a calendar year: public where the shop's profile says it publishes
   * them, always to the shop's privacy officers; null otherwise.
   */
  requestMetrics?: Maybe<RightsRequestMetrics>;
  /** The social providers customers can sign in with here (those the shop offers and this installation has set up). */
  signInProviders: Array<SignInProvider>;
};


/** A shop (tenant) and the privacy promises of its policy. */
export type ShopRequestMetricsArgs = {
  year: Scalars['Int']['input'];
};

export type ShopBranding = {
  __typename?: 'ShopBranding';
  accentColor: Scalars['String']['output'];
  primaryColor: Scalars['String']['output'];
  tagline: Scalars['String']['output'];
};

export type ShopFeatures = {
  __typename?: 'ShopFeatures';
  guestCheckout: Scalars['Boolean']['output'];
  invitationChannels: Array<Scalars['String']['output']>;
  /** How many days an invited friend's details are kept when the invitation is not accepted. */
  invitationRetentionDays: Scalars['Int']['output'];
  /** How many invitations a customer may make in 24 hours. */
  invitationsPerDay: Scalars['Int']['output'];
  nationalIdLabel?: Maybe<Scalars['String']['output']>;
  socialProviders: Array<Scalars['String']['output']>;
};

/** The shop's privacy policy as structured data, from its validated profile. */
export type ShopPolicy = {
  __typename?: 'ShopPolicy';
  /** Everything a customer can consent to in this shop. */
  consentPurposes: Array<ConsentPurpose>;
  controllers: Array<Controller>;
  cookieCategories: Array<CookieCategory>;
  dataCategories: Array<PolicyDataCategory>;
  deletion: DeletionTerms;
  dpo?: Maybe<ContactPoint>;
  features: ShopFeatures;
  honoursGlobalPrivacyControl: Scalars['Boolean']['output'];
  marketing: MarketingOptions;
  purposes: Array<ProcessingPurpose>;
  recipients: Array<Recipient>;
  regime: LegalRegime;
  requests: RequestHandling;
  retention: Array<RetentionRule>;
  rights: Array<Right>;
  statements: Array<Scalars['String']['output']>;
  supervisoryAuthority: SupervisoryAuthority;
  transfers: Transfers;
  updatedAt: Scalars['Date']['output'];
  version: Scalars['String']['output'];
};

/** A social provider a shop lets its customers sign in with. */
export type SignInProvider = {
  __typename?: 'SignInProvider';
  /** The provider's name, e.g. "Facebook". */
  name: Scalars['String']['output'];
  provider: SocialProvider;
  /** next-auth's id for this shop's app at the provider: start at /api/auth/signin/<providerId>. */
  providerId: Scalars['String']['output'];
};

export type SocialProvider =
  | 'FACEBOOK'
  | 'GOOGLE'
  | 'MICROSOFT'
  | 'TWITTER';

export type SupervisoryAuthority = {
  __typename?: 'SupervisoryAuthority';
  address?: Maybe<Scalars['String']['output']>;
  country: Scalars['String']['output'];
  email?: Maybe<Scalars['String']['output']>;
  howToComplain: Scalars['String']['output'];
  name: Scalars['String']['output'];
  phone?: Maybe<Scalars['String']['output']>;
  website?: Maybe<Scalars['String']['output']>;
};

/** Whether support staff may act in the customer's account. */
export type SupportAccess = {
  __typename?: 'SupportAccess';
  /** When the current permission ends; null until revoked (or without one). */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the current permission was given; null without one. */
  grantedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Whether a support agent may start a session now. */
  isAllowed: Scalars['Boolean']['output'];
  /** Whether the shop asks for the customer's permission at all. */
  isPermissionRequired: Scalars['Boolean']['output'];
};

export type SupportAccessDuration =
  | 'DAYS_7'
  | 'HOURS_24'
  | 'UNTIL_REVOKED';

export type SupportAccessGrantInput = {
  duration: SupportAccessDuration;
};

export type SupportAccessPayload = {
  __typename?: 'SupportAccessPayload';
  supportAccess?: Maybe<SupportAccess>;
  userErrors: Array<UserError>;
};

/** A customer as the support console lists them: enough to find the right one. */
export type SupportCustomer = {
  __typename?: 'SupportCustomer';
  createdAt: Scalars['DateTime']['output'];
  displayName: Scalars['String']['output'];
  email: Scalars['String']['output'];
  /** The customer's global ID (as Customer). */
  id: Scalars['ID']['output'];
  lastSignInAt?: Maybe<Scalars['DateTime']['output']>;
  /** Deletion requests awaiting confirmation or scheduled. */
  openDeletionRequests: Scalars['Int']['output'];
  status: CustomerStatus;
  supportAccess: SupportAccess;
};

export type SupportCustomerConnection = {
  __typename?: 'SupportCustomerConnection';
  edges: Array<SupportCustomerEdge>;
  pageInfo: PageInfo;
  /** How the query was read: EMAIL (exact), ORDER_NUMBER (exact) or NAME_PREFIX. */
  searchKind: Scalars['String']['output'];
  totalCount: Scalars['Int']['output'];
};

export type SupportCustomerEdge = {
  __typename?: 'SupportCustomerEdge';
  cursor: Scalars['String']['output'];
  node: SupportCustomer;
};

export type SupportSessionLog = {
  __typename?: 'SupportSessionLog';
  agentName: Scalars['String']['output'];
  endReason?: Maybe<Scalars['String']['output']>;
  endedAt?: Maybe<Scalars['DateTime']['output']>;
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  reason: Scalars['String']['output'];
  startedAt: Scalars['DateTime']['output'];
  steps: Array<SupportSessionStep>;
  ticket: Scalars['String']['output'];
};

/** One thing a support agent did during a session. */
export type SupportSessionStep = {
  __typename?: 'SupportSessionStep';
  /** The audit action, e.g. impersonation.view, address.update, impersonation.refused. */
  action: Scalars['String']['output'];
  at: Scalars['DateTime']['output'];
  /** Field names changed, when the step was a correction. */
  fields: Array<Scalars['String']['output']>;
  /** What was viewed (for impersonation.view) or attempted (for impersonation.refused). */
  subject?: Maybe<Scalars['String']['output']>;
};

export type Transfers = {
  __typename?: 'Transfers';
  isOutsideEEA: Scalars['Boolean']['output'];
  safeguards: Array<Scalars['String']['output']>;
  statement: Scalars['String']['output'];
};

/** An expected failure of a mutation: which input field, why, and what to tell the person. */
export type UserError = {
  __typename?: 'UserError';
  code: UserErrorCode;
  /** Path to the input field at fault, e.g. ["input", "email"]; null when it concerns the whole input. */
  field?: Maybe<Array<Scalars['String']['output']>>;
  message: Scalars['String']['output'];
};

/** Codes for expected failures returned in a payload's userErrors. */
export type UserErrorCode =
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'UNAUTHENTICATED';

/** Who is asking (a customer, or a support agent) and, through customer, the person the request is about. Customers see their own data in their own shop only; agents see the customer they act for. */
export type Viewer = {
  __typename?: 'Viewer';
  /** The signed-in support agent; null for customers and when signed out. */
  agent?: Maybe<Agent>;
  /** The customer the request is about: the signed-in customer, or the customer a support agent is acting for; null when signed out or in the support console. */
  customer?: Maybe<Customer>;
  /** Whether this request carries the browser's Global Privacy Control signal (Sec-GPC: 1). */
  hasGlobalPrivacyControl: Scalars['Boolean']['output'];
  /** The agent's open support session in a customer's account; null otherwise. */
  impersonation?: Maybe<Impersonation>;
  isSignedIn: Scalars['Boolean']['output'];
  /** The partner key making the request; null for browsers. */
  partner?: Maybe<Partner>;
  /** The shop of whoever is signed in; null when signed out. */
  shop?: Maybe<Shop>;
};

export type WarrantyCertificate = Node & {
  __typename?: 'WarrantyCertificate';
  downloadUrl: Scalars['String']['output'];
  holderName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  issuedAt: Scalars['DateTime']['output'];
  number: Scalars['String']['output'];
  orderNumber?: Maybe<Scalars['String']['output']>;
  productName: Scalars['String']['output'];
  serialNumber: Scalars['String']['output'];
  validUntil: Scalars['DateTime']['output'];
};

export type WarrantyCertificateConnection = {
  __typename?: 'WarrantyCertificateConnection';
  edges: Array<WarrantyCertificateEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type WarrantyCertificateEdge = {
  __typename?: 'WarrantyCertificateEdge';
  cursor: Scalars['String']['output'];
  node: WarrantyCertificate;
};

/** What the receiver answered to one attempt. */
export type WebhookAttempt = {
  __typename?: 'WebhookAttempt';
  attemptedAt: Scalars['DateTime']['output'];
  /** Why no response came, e.g. TIMEOUT, CONNECTION_REFUSED, ADDRESS_NOT_ALLOWED. */
  error?: Maybe<Scalars['String']['output']>;
  latencyMs: Scalars['Int']['output'];
  /** The first 500 characters of the response body. */
  responseExcerpt: Scalars['String']['output'];
  /** null when no response came. */
  statusCode?: Maybe<Scalars['Int']['output']>;
};

export type WebhookDeliveriesReplayInput = {
  endpointId: Scalars['ID']['input'];
  /** Every event since then whose delivery to the endpoint did not succeed is sent again. */
  since: Scalars['DateTime']['input'];
};

export type WebhookDeliveriesReplayPayload = {
  __typename?: 'WebhookDeliveriesReplayPayload';
  /** How many events are sent again. */
  replayedCount?: Maybe<Scalars['Int']['output']>;
  userErrors: Array<UserError>;
  webhookEndpoint?: Maybe<WebhookEndpoint>;
};

/** One event sent to one endpoint. */
export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  /** How many attempts were made. */
  attemptCount: Scalars['Int']['output'];
  /** Every attempt, oldest first. */
  attempts: Array<WebhookAttempt>;
  createdAt: Scalars['DateTime']['output'];
  /** The event's id: the webhook-id header, the same on every attempt and replay. */
  eventId: Scalars['String']['output'];
  eventType: Scalars['String']['output'];
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** The JSON body sent (ids and names of what changed, no personal values). */
  payload: Scalars['String']['output'];
  status: WebhookDeliveryStatus;
};

export type WebhookDeliveryConnection = {
  __typename?: 'WebhookDeliveryConnection';
  edges: Array<WebhookDeliveryEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type WebhookDeliveryEdge = {
  __typename?: 'WebhookDeliveryEdge';
  cursor: Scalars['String']['output'];
  node: WebhookDelivery;
};

export type WebhookDeliveryReplayPayload = {
  __typename?: 'WebhookDeliveryReplayPayload';
  userErrors: Array<UserError>;
  /** The new delivery of the same event. */
  webhookDelivery?: Maybe<WebhookDelivery>;
};

export type WebhookDeliveryStatus =
  /** The endpoint was disabled or deleted first. */
  | 'CANCELLED'
  /** Every attempt failed. */
  | 'FAILED'
  /** Waiting for its first or next attempt (or for an earlier delivery for the same customer). */
  | 'PENDING'
  /** The receiver answered 2xx. */
  | 'SUCCEEDED';

export type WebhookEndpoint = {
  __typename?: 'WebhookEndpoint';
  /** The API key it belongs to; null for the shop's own endpoints. */
  apiKeyId?: Maybe<Scalars['ID']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** Deliveries to this endpoint, newest first, with their attempts; at most 100 per page. */
  deliveries: WebhookDeliveryConnection;
  description: Scalars['String']['output'];
  disabledAt?: Maybe<Scalars['DateTime']['output']>;
  disabledReason?: Maybe<WebhookEndpointDisabledReason>;
  /** The event types it receives (customer.recipient_notice comes to a recipient's key whatever it subscribes to). */
  events: Array<Scalars['String']['output']>;
  /** Since when every delivery has failed; null while healthy. */
  failingSince?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** False when disabled; deliveries resume once it is enabled again. */
  isEnabled: Scalars['Boolean']['output'];
  /** Until when the secret before the last rotation still signs (a second signature in the header). */
  previousSecretExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  updatedAt: Scalars['DateTime']['output'];
  /** Where events are POSTed. */
  url: Scalars['String']['output'];
};


export type WebhookEndpointDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type WebhookEndpointCreateInput = {
  /** Privacy officers: the API key the endpoint belongs to (omitted: the shop's own). Keys: omitted or their own. */
  apiKeyId?: InputMaybe<Scalars['ID']['input']>;
  /** At most 200 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Event types from webhookEventTypes. */
  events: Array<Scalars['String']['input']>;
  /** https:// (http:// only in demo and tests); no credentials in it. */
  url: Scalars['String']['input'];
};

export type WebhookEndpointCreatePayload = {
  __typename?: 'WebhookEndpointCreatePayload';
  /** The signing secret (whsec_...), shown this once. */
  secret?: Maybe<Scalars['String']['output']>;
  userErrors: Array<UserError>;
  webhookEndpoint?: Maybe<WebhookEndpoint>;
};

export type WebhookEndpointDeletePayload = {
  __typename?: 'WebhookEndpointDeletePayload';
  userErrors: Array<UserError>;
  webhookEndpoint?: Maybe<WebhookEndpoint>;
};

/** Why an endpoint was disabled. */
export type WebhookEndpointDisabledReason =
  /** Every delivery failed for 5 days. */
  | 'FAILING'
  /** The receiver answered 410 Gone. */
  | 'GONE'
  /** Disabled by hand. */
  | 'MANUAL';

export type WebhookEndpointRotateSecretPayload = {
  __typename?: 'WebhookEndpointRotateSecretPayload';
  /** The new signing secret, shown this once; the old one also signs for 24 hours. */
  secret?: Maybe<Scalars['String']['output']>;
  userErrors: Array<UserError>;
  webhookEndpoint?: Maybe<WebhookEndpoint>;
};

export type WebhookEndpointUpdateInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  events?: InputMaybe<Array<Scalars['String']['input']>>;
  /** true enables a disabled endpoint again (its failure clock restarts); false disables it. */
  isEnabled?: InputMaybe<Scalars['Boolean']['input']>;
  url?: InputMaybe<Scalars['String']['input']>;
};

export type WebhookEndpointUpdatePayload = {
  __typename?: 'WebhookEndpointUpdatePayload';
  userErrors: Array<UserError>;
  webhookEndpoint?: Maybe<WebhookEndpoint>;
};

/** An event type an endpoint can subscribe to. */
export type WebhookEventType = {
  __typename?: 'WebhookEventType';
  description: Scalars['String']['output'];
  /** The scope a partner key needs to receive it. */
  requiredScope: Scalars['String']['output'];
  /** e.g. consent.updated */
  type: Scalars['String']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;




/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  Node:
    | ( AddressParent )
    | ( AgentParent )
    | ( ApiKeyParent )
    | ( ConsentRecordParent )
    | ( CustomerParent )
    | ( DeletionRequestParent )
    | ( ExportParent )
    | ( ImpersonationParent )
    | ( InvoiceParent )
    | ( OrderParent )
    | ( RightsRequestParent )
    | ( ShopParent )
    | ( WarrantyCertificateParent )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AccessLogEntry: ResolverTypeWrapper<AccessLogEntryParent>;
  AccessLogEntryConnection: ResolverTypeWrapper<Omit<AccessLogEntryConnection, 'edges'> & { edges: Array<ResolversTypes['AccessLogEntryEdge']> }>;
  AccessLogEntryEdge: ResolverTypeWrapper<Omit<AccessLogEntryEdge, 'node'> & { node: ResolversTypes['AccessLogEntry'] }>;
  AccessLogEntryKind: AccessLogEntryKind;
  AccountDeletionCancelPayload: ResolverTypeWrapper<Omit<AccountDeletionCancelPayload, 'deletionRequest'> & { deletionRequest?: Maybe<ResolversTypes['DeletionRequest']> }>;
  AccountDeletionConfirmInput: AccountDeletionConfirmInput;
  AccountDeletionConfirmPayload: ResolverTypeWrapper<Omit<AccountDeletionConfirmPayload, 'deletionRequest'> & { deletionRequest?: Maybe<ResolversTypes['DeletionRequest']> }>;
  AccountDeletionRequestInput: AccountDeletionRequestInput;
  AccountDeletionRequestPayload: ResolverTypeWrapper<Omit<AccountDeletionRequestPayload, 'deletionRequest'> & { deletionRequest?: Maybe<ResolversTypes['DeletionRequest']> }>;
  Address: ResolverTypeWrapper<AddressParent>;
  AddressDeletePayload: ResolverTypeWrapper<AddressDeletePayload>;
  AddressInput: AddressInput;
  AddressPayload: ResolverTypeWrapper<Omit<AddressPayload, 'address'> & { address?: Maybe<ResolversTypes['Address']> }>;
  AddressUpdateInput: AddressUpdateInput;
  Agent: ResolverTypeWrapper<AgentParent>;
  AgentRole: AgentRole;
  ApiKey: ResolverTypeWrapper<ApiKeyParent>;
  ApiKeyCreateInput: ApiKeyCreateInput;
  ApiKeyCreatePayload: ResolverTypeWrapper<Omit<ApiKeyCreatePayload, 'apiKey'> & { apiKey?: Maybe<ResolversTypes['ApiKey']> }>;
  ApiKeyRevokePayload: ResolverTypeWrapper<Omit<ApiKeyRevokePayload, 'apiKey'> & { apiKey?: Maybe<ResolversTypes['ApiKey']> }>;
  ApiKeyRotateInput: ApiKeyRotateInput;
  ApiKeyRotatePayload: ResolverTypeWrapper<Omit<ApiKeyRotatePayload, 'apiKey'> & { apiKey?: Maybe<ResolversTypes['ApiKey']> }>;
  ApiKeySecretInfo: ResolverTypeWrapper<ApiKeySecretInfo>;
  ApiKeyStatus: ApiKeyStatus;
  ApiScopeInfo: ResolverTypeWrapper<ApiScopeInfo>;
  AuditEvent: ResolverTypeWrapper<AuditEventParent>;
  AuditEventConnection: ResolverTypeWrapper<Omit<AuditEventConnection, 'edges'> & { edges: Array<ResolversTypes['AuditEventEdge']> }>;
  AuditEventEdge: ResolverTypeWrapper<Omit<AuditEventEdge, 'node'> & { node: ResolversTypes['AuditEvent'] }>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ConnectedAccount: ResolverTypeWrapper<ConnectedAccountParent>;
  ConnectedAccountEraseProvidedDataInput: ConnectedAccountEraseProvidedDataInput;
  ConnectedAccountPayload: ResolverTypeWrapper<Omit<ConnectedAccountPayload, 'connectedAccount'> & { connectedAccount?: Maybe<ResolversTypes['ConnectedAccount']> }>;
  ConnectedAccountUnlinkInput: ConnectedAccountUnlinkInput;
  ConnectedAccounts: ResolverTypeWrapper<ConnectedAccountsParent>;
  ConsentActorType: ConsentActorType;
  ConsentApplyGlobalPrivacyControlPayload: ResolverTypeWrapper<Omit<ConsentApplyGlobalPrivacyControlPayload, 'consents' | 'withdrawnPurposes'> & { consents?: Maybe<Array<ResolversTypes['CustomerConsent']>>, withdrawnPurposes?: Maybe<Array<ResolversTypes['ConsentPurpose']>> }>;
  ConsentChangeInput: ConsentChangeInput;
  ConsentConfirmInput: ConsentConfirmInput;
  ConsentConfirmPayload: ResolverTypeWrapper<Omit<ConsentConfirmPayload, 'confirmedPurposes' | 'shop'> & { confirmedPurposes?: Maybe<Array<ResolversTypes['ConsentPurpose']>>, shop?: Maybe<ResolversTypes['Shop']> }>;
  ConsentConfirmationLink: ResolverTypeWrapper<Omit<ConsentConfirmationLink, 'purposes' | 'shop'> & { purposes: Array<ResolversTypes['ConsentPurpose']>, shop: ResolversTypes['Shop'] }>;
  ConsentLinkStatus: ConsentLinkStatus;
  ConsentOptInLevel: ConsentOptInLevel;
  ConsentPurpose: ResolverTypeWrapper<ConsentPurposeParent>;
  ConsentPurposeKind: ConsentPurposeKind;
  ConsentRecord: ResolverTypeWrapper<ConsentRecordParent>;
  ConsentRecordConnection: ResolverTypeWrapper<Omit<ConsentRecordConnection, 'edges'> & { edges: Array<ResolversTypes['ConsentRecordEdge']> }>;
  ConsentRecordEdge: ResolverTypeWrapper<Omit<ConsentRecordEdge, 'node'> & { node: ResolversTypes['ConsentRecord'] }>;
  ConsentSource: ConsentSource;
  ConsentState: ConsentState;
  ConsentUnsubscribeInput: ConsentUnsubscribeInput;
  ConsentUnsubscribeLink: ResolverTypeWrapper<Omit<ConsentUnsubscribeLink, 'purpose' | 'shop'> & { purpose: ResolversTypes['ConsentPurpose'], shop: ResolversTypes['Shop'] }>;
  ConsentUnsubscribePayload: ResolverTypeWrapper<Omit<ConsentUnsubscribePayload, 'purpose' | 'shop'> & { purpose?: Maybe<ResolversTypes['ConsentPurpose']>, shop?: Maybe<ResolversTypes['Shop']> }>;
  ConsentUpdateInput: ConsentUpdateInput;
  ConsentUpdatePayload: ResolverTypeWrapper<Omit<ConsentUpdatePayload, 'consents'> & { consents?: Maybe<Array<ResolversTypes['CustomerConsent']>> }>;
  ContactPoint: ResolverTypeWrapper<ContactPoint>;
  Controller: ResolverTypeWrapper<Controller>;
  CookieCategory: ResolverTypeWrapper<CookieCategory>;
  Customer: ResolverTypeWrapper<CustomerParent>;
  CustomerConsent: ResolverTypeWrapper<Omit<CustomerConsent, 'purpose'> & { purpose: ResolversTypes['ConsentPurpose'] }>;
  CustomerEmailChangeConfirmInput: CustomerEmailChangeConfirmInput;
  CustomerEmailChangeConfirmPayload: ResolverTypeWrapper<Omit<CustomerEmailChangeConfirmPayload, 'customer'> & { customer?: Maybe<ResolversTypes['Customer']> }>;
  CustomerEmailChangeRequestInput: CustomerEmailChangeRequestInput;
  CustomerEmailChangeRequestPayload: ResolverTypeWrapper<CustomerEmailChangeRequestPayload>;
  CustomerPasswordSetInput: CustomerPasswordSetInput;
  CustomerPasswordSetPayload: ResolverTypeWrapper<Omit<CustomerPasswordSetPayload, 'customer'> & { customer?: Maybe<ResolversTypes['Customer']> }>;
  CustomerRightsRequests: ResolverTypeWrapper<Omit<CustomerRightsRequests, 'open' | 'requests'> & { open: Array<ResolversTypes['RightsRequest']>, requests: ResolversTypes['RightsRequestConnection'] }>;
  CustomerSignUpInput: CustomerSignUpInput;
  CustomerSignUpPayload: ResolverTypeWrapper<Omit<CustomerSignUpPayload, 'customer'> & { customer?: Maybe<ResolversTypes['Customer']> }>;
  CustomerStatus: CustomerStatus;
  CustomerUpdateInput: CustomerUpdateInput;
  CustomerUpdatePayload: ResolverTypeWrapper<Omit<CustomerUpdatePayload, 'customer'> & { customer?: Maybe<ResolversTypes['Customer']> }>;
  DataCategory: ResolverTypeWrapper<DataCategoryParent>;
  DataField: ResolverTypeWrapper<DataField>;
  DataRecord: ResolverTypeWrapper<DataRecordParent>;
  DataRecordConnection: ResolverTypeWrapper<Omit<DataRecordConnection, 'edges'> & { edges: Array<ResolversTypes['DataRecordEdge']> }>;
  DataRecordEdge: ResolverTypeWrapper<Omit<DataRecordEdge, 'node'> & { node: ResolversTypes['DataRecord'] }>;
  DataRevealInput: DataRevealInput;
  DataRevealPayload: ResolverTypeWrapper<DataRevealPayload>;
  DataSet: ResolverTypeWrapper<DataSetParent>;
  DataSource: DataSource;
  DataValue: ResolverTypeWrapper<DataValue>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeletionPlan: ResolverTypeWrapper<DeletionPlanParent>;
  DeletionPlanEntry: ResolverTypeWrapper<DeletionPlanEntryParent>;
  DeletionRequest: ResolverTypeWrapper<DeletionRequestParent>;
  DeletionRequestStatus: DeletionRequestStatus;
  DeletionTerms: ResolverTypeWrapper<DeletionTerms>;
  Duration: ResolverTypeWrapper<Duration>;
  ErasureAction: ErasureAction;
  Export: ResolverTypeWrapper<ExportParent>;
  ExportConnection: ResolverTypeWrapper<Omit<ExportConnection, 'edges'> & { edges: Array<ResolversTypes['ExportEdge']> }>;
  ExportCreateInput: ExportCreateInput;
  ExportCreatePayload: ResolverTypeWrapper<Omit<ExportCreatePayload, 'export'> & { export?: Maybe<ResolversTypes['Export']> }>;
  ExportDownload: ResolverTypeWrapper<ExportDownload>;
  ExportEdge: ResolverTypeWrapper<Omit<ExportEdge, 'node'> & { node: ResolversTypes['Export'] }>;
  ExportFormat: ExportFormat;
  ExportStatus: ExportStatus;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Gender: Gender;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Impersonation: ResolverTypeWrapper<ImpersonationParent>;
  ImpersonationPayload: ResolverTypeWrapper<Omit<ImpersonationPayload, 'impersonation'> & { impersonation?: Maybe<ResolversTypes['Impersonation']> }>;
  ImpersonationStartInput: ImpersonationStartInput;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Invitation: ResolverTypeWrapper<InvitationParent>;
  InvitationChannel: InvitationChannel;
  InvitationConnection: ResolverTypeWrapper<Omit<InvitationConnection, 'edges'> & { edges: Array<ResolversTypes['InvitationEdge']> }>;
  InvitationCreateInput: InvitationCreateInput;
  InvitationEdge: ResolverTypeWrapper<Omit<InvitationEdge, 'node'> & { node: ResolversTypes['Invitation'] }>;
  InvitationLink: ResolverTypeWrapper<InvitationLinkParent>;
  InvitationObjectionInput: InvitationObjectionInput;
  InvitationObjectionPayload: ResolverTypeWrapper<Omit<InvitationObjectionPayload, 'shop'> & { shop?: Maybe<ResolversTypes['Shop']> }>;
  InvitationPayload: ResolverTypeWrapper<Omit<InvitationPayload, 'invitation'> & { invitation?: Maybe<ResolversTypes['Invitation']> }>;
  InvitationStatus: InvitationStatus;
  InvitationsEraseFriendDetailsPayload: ResolverTypeWrapper<InvitationsEraseFriendDetailsPayload>;
  Invoice: ResolverTypeWrapper<InvoiceParent>;
  InvoiceConnection: ResolverTypeWrapper<Omit<InvoiceConnection, 'edges'> & { edges: Array<ResolversTypes['InvoiceEdge']> }>;
  InvoiceEdge: ResolverTypeWrapper<Omit<InvoiceEdge, 'node'> & { node: ResolversTypes['Invoice'] }>;
  LegalBasis: LegalBasis;
  LegalRegime: ResolverTypeWrapper<LegalRegime>;
  MarketingChannel: ResolverTypeWrapper<MarketingChannel>;
  MarketingOptions: ResolverTypeWrapper<MarketingOptions>;
  MarketingTopic: ResolverTypeWrapper<MarketingTopic>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  Order: ResolverTypeWrapper<OrderParent>;
  OrderConnection: ResolverTypeWrapper<Omit<OrderConnection, 'edges'> & { edges: Array<ResolversTypes['OrderEdge']> }>;
  OrderEdge: ResolverTypeWrapper<Omit<OrderEdge, 'node'> & { node: ResolversTypes['Order'] }>;
  OrderItem: ResolverTypeWrapper<OrderItem>;
  OrderStatus: OrderStatus;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Partner: ResolverTypeWrapper<PartnerParent>;
  PendingEmailChange: ResolverTypeWrapper<PendingEmailChange>;
  Phone: ResolverTypeWrapper<Phone>;
  PhoneInput: PhoneInput;
  PhoneKind: PhoneKind;
  PolicyDataCategory: ResolverTypeWrapper<PolicyDataCategory>;
  ProcessingPurpose: ResolverTypeWrapper<ProcessingPurpose>;
  ProvidedValue: ResolverTypeWrapper<ProvidedValue>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Recipient: ResolverTypeWrapper<Recipient>;
  RepresentativeInput: RepresentativeInput;
  RequestDueDates: ResolverTypeWrapper<RequestDueDates>;
  RequestHandling: ResolverTypeWrapper<RequestHandling>;
  RetentionInfo: ResolverTypeWrapper<RetentionInfoParent>;
  RetentionRule: ResolverTypeWrapper<RetentionRule>;
  Right: ResolverTypeWrapper<Right>;
  RightsRequest: ResolverTypeWrapper<RightsRequestParent>;
  RightsRequestAddInformationInput: RightsRequestAddInformationInput;
  RightsRequestAssignInput: RightsRequestAssignInput;
  RightsRequestChoice: ResolverTypeWrapper<RightsRequestChoice>;
  RightsRequestConnection: ResolverTypeWrapper<Omit<RightsRequestConnection, 'edges'> & { edges: Array<ResolversTypes['RightsRequestEdge']> }>;
  RightsRequestCreateInput: RightsRequestCreateInput;
  RightsRequestCustomer: ResolverTypeWrapper<RightsRequestCustomerParent>;
  RightsRequestDecideInput: RightsRequestDecideInput;
  RightsRequestEdge: ResolverTypeWrapper<Omit<RightsRequestEdge, 'node'> & { node: ResolversTypes['RightsRequest'] }>;
  RightsRequestEvent: ResolverTypeWrapper<RightsRequestEvent>;
  RightsRequestFiler: RightsRequestFiler;
  RightsRequestMetrics: ResolverTypeWrapper<RightsRequestMetrics>;
  RightsRequestMetricsRow: ResolverTypeWrapper<RightsRequestMetricsRow>;
  RightsRequestNoteInput: RightsRequestNoteInput;
  RightsRequestOutcome: RightsRequestOutcome;
  RightsRequestPayload: ResolverTypeWrapper<Omit<RightsRequestPayload, 'request'> & { request?: Maybe<ResolversTypes['RightsRequest']> }>;
  RightsRequestQueue: ResolverTypeWrapper<Omit<RightsRequestQueue, 'requests'> & { requests: ResolversTypes['RightsRequestConnection'] }>;
  RightsRequestQueueFilter: RightsRequestQueueFilter;
  RightsRequestReasonInput: RightsRequestReasonInput;
  RightsRequestStatus: RightsRequestStatus;
  RightsRequestType: RightsRequestType;
  RightsRequestTypeOption: ResolverTypeWrapper<RightsRequestTypeOption>;
  RightsRequestVerifyInput: RightsRequestVerifyInput;
  SessionReauthenticateInput: SessionReauthenticateInput;
  SessionReauthenticatePayload: ResolverTypeWrapper<SessionReauthenticatePayload>;
  Shop: ResolverTypeWrapper<ShopParent>;
  ShopBranding: ResolverTypeWrapper<ShopBranding>;
  ShopFeatures: ResolverTypeWrapper<ShopFeatures>;
  ShopPolicy: ResolverTypeWrapper<ShopPolicyParent>;
  SignInProvider: ResolverTypeWrapper<SignInProvider>;
  SocialProvider: SocialProvider;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  SupervisoryAuthority: ResolverTypeWrapper<SupervisoryAuthority>;
  SupportAccess: ResolverTypeWrapper<SupportAccessParent>;
  SupportAccessDuration: SupportAccessDuration;
  SupportAccessGrantInput: SupportAccessGrantInput;
  SupportAccessPayload: ResolverTypeWrapper<Omit<SupportAccessPayload, 'supportAccess'> & { supportAccess?: Maybe<ResolversTypes['SupportAccess']> }>;
  SupportCustomer: ResolverTypeWrapper<SupportCustomerParent>;
  SupportCustomerConnection: ResolverTypeWrapper<Omit<SupportCustomerConnection, 'edges'> & { edges: Array<ResolversTypes['SupportCustomerEdge']> }>;
  SupportCustomerEdge: ResolverTypeWrapper<Omit<SupportCustomerEdge, 'node'> & { node: ResolversTypes['SupportCustomer'] }>;
  SupportSessionLog: ResolverTypeWrapper<SupportSessionLogParent>;
  SupportSessionStep: ResolverTypeWrapper<SupportSessionStepParent>;
  Transfers: ResolverTypeWrapper<Transfers>;
  UserError: ResolverTypeWrapper<UserError>;
  UserErrorCode: UserErrorCode;
  Viewer: ResolverTypeWrapper<ViewerParent>;
  WarrantyCertificate: ResolverTypeWrapper<WarrantyCertificateParent>;
  WarrantyCertificateConnection: ResolverTypeWrapper<Omit<WarrantyCertificateConnection, 'edges'> & { edges: Array<ResolversTypes['WarrantyCertificateEdge']> }>;
  WarrantyCertificateEdge: ResolverTypeWrapper<Omit<WarrantyCertificateEdge, 'node'> & { node: ResolversTypes['WarrantyCertificate'] }>;
  WebhookAttempt: ResolverTypeWrapper<WebhookAttempt>;
  WebhookDeliveriesReplayInput: WebhookDeliveriesReplayInput;
  WebhookDeliveriesReplayPayload: ResolverTypeWrapper<Omit<WebhookDeliveriesReplayPayload, 'webhookEndpoint'> & { webhookEndpoint?: Maybe<ResolversTypes['WebhookEndpoint']> }>;
  WebhookDelivery: ResolverTypeWrapper<WebhookDeliveryParent>;
  WebhookDeliveryConnection: ResolverTypeWrapper<Omit<WebhookDeliveryConnection, 'edges'> & { edges: Array<ResolversTypes['WebhookDeliveryEdge']> }>;
  WebhookDeliveryEdge: ResolverTypeWrapper<Omit<WebhookDeliveryEdge, 'node'> & { node: ResolversTypes['WebhookDelivery'] }>;
  WebhookDeliveryReplayPayload: ResolverTypeWrapper<Omit<WebhookDeliveryReplayPayload, 'webhookDelivery'> & { webhookDelivery?: Maybe<ResolversTypes['WebhookDelivery']> }>;
  WebhookDeliveryStatus: WebhookDeliveryStatus;
  WebhookEndpoint: ResolverTypeWrapper<WebhookEndpointParent>;
  WebhookEndpointCreateInput: WebhookEndpointCreateInput;
  WebhookEndpointCreatePayload: ResolverTypeWrapper<Omit<WebhookEndpointCreatePayload, 'webhookEndpoint'> & { webhookEndpoint?: Maybe<ResolversTypes['WebhookEndpoint']> }>;
  WebhookEndpointDeletePayload: ResolverTypeWrapper<Omit<WebhookEndpointDeletePayload, 'webhookEndpoint'> & { webhookEndpoint?: Maybe<ResolversTypes['WebhookEndpoint']> }>;
  WebhookEndpointDisabledReason: WebhookEndpointDisabledReason;
  WebhookEndpointRotateSecretPayload: ResolverTypeWrapper<Omit<WebhookEndpointRotateSecretPayload, 'webhookEndpoint'> & { webhookEndpoint?: Maybe<ResolversTypes['WebhookEndpoint']> }>;
  WebhookEndpointUpdateInput: WebhookEndpointUpdateInput;
  WebhookEndpointUpdatePayload: ResolverTypeWrapper<Omit<WebhookEndpointUpdatePayload, 'webhookEndpoint'> & { webhookEndpoint?: Maybe<ResolversTypes['WebhookEndpoint']> }>;
  WebhookEventType: ResolverTypeWrapper<WebhookEventType>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AccessLogEntry: AccessLogEntryParent;
  AccessLogEntryConnection: Omit<AccessLogEntryConnection, 'edges'> & { edges: Array<ResolversParentTypes['AccessLogEntryEdge']> };
  AccessLogEntryEdge: Omit<AccessLogEntryEdge, 'node'> & { node: ResolversParentTypes['AccessLogEntry'] };
  AccountDeletionCancelPayload: Omit<AccountDeletionCancelPayload, 'deletionRequest'> & { deletionRequest?: Maybe<ResolversParentTypes['DeletionRequest']> };
  AccountDeletionConfirmInput: AccountDeletionConfirmInput;
  AccountDeletionConfirmPayload: Omit<AccountDeletionConfirmPayload, 'deletionRequest'> & { deletionRequest?: Maybe<ResolversParentTypes['DeletionRequest']> };
  AccountDeletionRequestInput: AccountDeletionRequestInput;
  AccountDeletionRequestPayload: Omit<AccountDeletionRequestPayload, 'deletionRequest'> & { deletionRequest?: Maybe<ResolversParentTypes['DeletionRequest']> };
  Address: AddressParent;
  AddressDeletePayload: AddressDeletePayload;
  AddressInput: AddressInput;
  AddressPayload: Omit<AddressPayload, 'address'> & { address?: Maybe<ResolversParentTypes['Address']> };
  AddressUpdateInput: AddressUpdateInput;
  Agent: AgentParent;
  ApiKey: ApiKeyParent;
  ApiKeyCreateInput: ApiKeyCreateInput;
  ApiKeyCreatePayload: Omit<ApiKeyCreatePayload, 'apiKey'> & { apiKey?: Maybe<ResolversParentTypes['ApiKey']> };
  ApiKeyRevokePayload: Omit<ApiKeyRevokePayload, 'apiKey'> & { apiKey?: Maybe<ResolversParentTypes['ApiKey']> };
  ApiKeyRotateInput: ApiKeyRotateInput;
  ApiKeyRotatePayload: Omit<ApiKeyRotatePayload, 'apiKey'> & { apiKey?: Maybe<ResolversParentTypes['ApiKey']> };
  ApiKeySecretInfo: ApiKeySecretInfo;
  ApiScopeInfo: ApiScopeInfo;
  AuditEvent: AuditEventParent;
  AuditEventConnection: Omit<AuditEventConnection, 'edges'> & { edges: Array<ResolversParentTypes['AuditEventEdge']> };
  AuditEventEdge: Omit<AuditEventEdge, 'node'> & { node: ResolversParentTypes['AuditEvent'] };
  Boolean: Scalars['Boolean']['output'];
  ConnectedAccount: ConnectedAccountParent;
  ConnectedAccountEraseProvidedDataInput: ConnectedAccountEraseProvidedDataInput;
  ConnectedAccountPayload: Omit<ConnectedAccountPayload, 'connectedAccount'> & { connectedAccount?: Maybe<ResolversParentTypes['ConnectedAccount']> };
  ConnectedAccountUnlinkInput: ConnectedAccountUnlinkInput;
  ConnectedAccounts: ConnectedAccountsParent;
  ConsentApplyGlobalPrivacyControlPayload: Omit<ConsentApplyGlobalPrivacyControlPayload, 'consents' | 'withdrawnPurposes'> & { consents?: Maybe<Array<ResolversParentTypes['CustomerConsent']>>, withdrawnPurposes?: Maybe<Array<ResolversParentTypes['ConsentPurpose']>> };
  ConsentChangeInput: ConsentChangeInput;
  ConsentConfirmInput: ConsentConfirmInput;
  ConsentConfirmPayload: Omit<ConsentConfirmPayload, 'confirmedPurposes' | 'shop'> & { confirmedPurposes?: Maybe<Array<ResolversParentTypes['ConsentPurpose']>>, shop?: Maybe<ResolversParentTypes['Shop']> };
  ConsentConfirmationLink: Omit<ConsentConfirmationLink, 'purposes' | 'shop'> & { purposes: Array<ResolversParentTypes['ConsentPurpose']>, shop: ResolversParentTypes['Shop'] };
  ConsentPurpose: ConsentPurposeParent;
  ConsentRecord: ConsentRecordParent;
  ConsentRecordConnection: Omit<ConsentRecordConnection, 'edges'> & { edges: Array<ResolversParentTypes['ConsentRecordEdge']> };
  ConsentRecordEdge: Omit<ConsentRecordEdge, 'node'> & { node: ResolversParentTypes['ConsentRecord'] };
  ConsentUnsubscribeInput: ConsentUnsubscribeInput;
  ConsentUnsubscribeLink: Omit<ConsentUnsubscribeLink, 'purpose' | 'shop'> & { purpose: ResolversParentTypes['ConsentPurpose'], shop: ResolversParentTypes['Shop'] };
  ConsentUnsubscribePayload: Omit<ConsentUnsubscribePayload, 'purpose' | 'shop'> & { purpose?: Maybe<ResolversParentTypes['ConsentPurpose']>, shop?: Maybe<ResolversParentTypes['Shop']> };
  ConsentUpdateInput: ConsentUpdateInput;
  ConsentUpdatePayload: Omit<ConsentUpdatePayload, 'consents'> & { consents?: Maybe<Array<ResolversParentTypes['CustomerConsent']>> };
  ContactPoint: ContactPoint;
  Controller: Controller;
  CookieCategory: CookieCategory;
  Customer: CustomerParent;
  CustomerConsent: Omit<CustomerConsent, 'purpose'> & { purpose: ResolversParentTypes['ConsentPurpose'] };
  CustomerEmailChangeConfirmInput: CustomerEmailChangeConfirmInput;
  CustomerEmailChangeConfirmPayload: Omit<CustomerEmailChangeConfirmPayload, 'customer'> & { customer?: Maybe<ResolversParentTypes['Customer']> };
  CustomerEmailChangeRequestInput: CustomerEmailChangeRequestInput;
  CustomerEmailChangeRequestPayload: CustomerEmailChangeRequestPayload;
  CustomerPasswordSetInput: CustomerPasswordSetInput;
  CustomerPasswordSetPayload: Omit<CustomerPasswordSetPayload, 'customer'> & { customer?: Maybe<ResolversParentTypes['Customer']> };
  CustomerRightsRequests: Omit<CustomerRightsRequests, 'open' | 'requests'> & { open: Array<ResolversParentTypes['RightsRequest']>, requests: ResolversParentTypes['RightsRequestConnection'] };
  CustomerSignUpInput: CustomerSignUpInput;
  CustomerSignUpPayload: Omit<CustomerSignUpPayload, 'customer'> & { customer?: Maybe<ResolversParentTypes['Customer']> };
  CustomerUpdateInput: CustomerUpdateInput;
  CustomerUpdatePayload: Omit<CustomerUpdatePayload, 'customer'> & { customer?: Maybe<ResolversParentTypes['Customer']> };
  DataCategory: DataCategoryParent;
  DataField: DataField;
  DataRecord: DataRecordParent;
  DataRecordConnection: Omit<DataRecordConnection, 'edges'> & { edges: Array<ResolversParentTypes['DataRecordEdge']> };
  DataRecordEdge: Omit<DataRecordEdge, 'node'> & { node: ResolversParentTypes['DataRecord'] };
  DataRevealInput: DataRevealInput;
  DataRevealPayload: DataRevealPayload;
  DataSet: DataSetParent;
  DataValue: DataValue;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  DeletionPlan: DeletionPlanParent;
  DeletionPlanEntry: DeletionPlanEntryParent;
  DeletionRequest: DeletionRequestParent;
  DeletionTerms: DeletionTerms;
  Duration: Duration;
  Export: ExportParent;
  ExportConnection: Omit<ExportConnection, 'edges'> & { edges: Array<ResolversParentTypes['ExportEdge']> };
  ExportCreateInput: ExportCreateInput;
  ExportCreatePayload: Omit<ExportCreatePayload, 'export'> & { export?: Maybe<ResolversParentTypes['Export']> };
  ExportDownload: ExportDownload;
  ExportEdge: Omit<ExportEdge, 'node'> & { node: ResolversParentTypes['Export'] };
  Float: Scalars['Float']['output'];
  ID: Scalars['ID']['output'];
  Impersonation: ImpersonationParent;
  ImpersonationPayload: Omit<ImpersonationPayload, 'impersonation'> & { impersonation?: Maybe<ResolversParentTypes['Impersonation']> };
  ImpersonationStartInput: ImpersonationStartInput;
  Int: Scalars['Int']['output'];
  Invitation: InvitationParent;
  InvitationConnection: Omit<InvitationConnection, 'edges'> & { edges: Array<ResolversParentTypes['InvitationEdge']> };
  InvitationCreateInput: InvitationCreateInput;
  InvitationEdge: Omit<InvitationEdge, 'node'> & { node: ResolversParentTypes['Invitation'] };
  InvitationLink: InvitationLinkParent;
  InvitationObjectionInput: InvitationObjectionInput;
  InvitationObjectionPayload: Omit<InvitationObjectionPayload, 'shop'> & { shop?: Maybe<ResolversParentTypes['Shop']> };
  InvitationPayload: Omit<InvitationPayload, 'invitation'> & { invitation?: Maybe<ResolversParentTypes['Invitation']> };
  InvitationsEraseFriendDetailsPayload: InvitationsEraseFriendDetailsPayload;
  Invoice: InvoiceParent;
  InvoiceConnection: Omit<InvoiceConnection, 'edges'> & { edges: Array<ResolversParentTypes['InvoiceEdge']> };
  InvoiceEdge: Omit<InvoiceEdge, 'node'> & { node: ResolversParentTypes['Invoice'] };
  LegalRegime: LegalRegime;
  MarketingChannel: MarketingChannel;
  MarketingOptions: MarketingOptions;
  MarketingTopic: MarketingTopic;
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  Order: OrderParent;
  OrderConnection: Omit<OrderConnection, 'edges'> & { edges: Array<ResolversParentTypes['OrderEdge']> };
  OrderEdge: Omit<OrderEdge, 'node'> & { node: ResolversParentTypes['Order'] };
  OrderItem: OrderItem;
  PageInfo: PageInfo;
  Partner: PartnerParent;
  PendingEmailChange: PendingEmailChange;
  Phone: Phone;
  PhoneInput: PhoneInput;
  PolicyDataCategory: PolicyDataCategory;
  ProcessingPurpose: ProcessingPurpose;
  ProvidedValue: ProvidedValue;
  Query: Record<PropertyKey, never>;
  Recipient: Recipient;
  RepresentativeInput: RepresentativeInput;
  RequestDueDates: RequestDueDates;
  RequestHandling: RequestHandling;
  RetentionInfo: RetentionInfoParent;
  RetentionRule: RetentionRule;
  Right: Right;
  RightsRequest: RightsRequestParent;
  RightsRequestAddInformationInput: RightsRequestAddInformationInput;
  RightsRequestAssignInput: RightsRequestAssignInput;
  RightsRequestChoice: RightsRequestChoice;
  RightsRequestConnection: Omit<RightsRequestConnection, 'edges'> & { edges: Array<ResolversParentTypes['RightsRequestEdge']> };
  RightsRequestCreateInput: RightsRequestCreateInput;
  RightsRequestCustomer: RightsRequestCustomerParent;
  RightsRequestDecideInput: RightsRequestDecideInput;
  RightsRequestEdge: Omit<RightsRequestEdge, 'node'> & { node: ResolversParentTypes['RightsRequest'] };
  RightsRequestEvent: RightsRequestEvent;
  RightsRequestMetrics: RightsRequestMetrics;
  RightsRequestMetricsRow: RightsRequestMetricsRow;
  RightsRequestNoteInput: RightsRequestNoteInput;
  RightsRequestPayload: Omit<RightsRequestPayload, 'request'> & { request?: Maybe<ResolversParentTypes['RightsRequest']> };
  RightsRequestQueue: Omit<RightsRequestQueue, 'requests'> & { requests: ResolversParentTypes['RightsRequestConnection'] };
  RightsRequestQueueFilter: RightsRequestQueueFilter;
  RightsRequestReasonInput: RightsRequestReasonInput;
  RightsRequestTypeOption: RightsRequestTypeOption;
  RightsRequestVerifyInput: RightsRequestVerifyInput;
  SessionReauthenticateInput: SessionReauthenticateInput;
  SessionReauthenticatePayload: SessionReauthenticatePayload;
  Shop: ShopParent;
  ShopBranding: ShopBranding;
  ShopFeatures: ShopFeatures;
  ShopPolicy: ShopPolicyParent;
  SignInProvider: SignInProvider;
  String: Scalars['String']['output'];
  SupervisoryAuthority: SupervisoryAuthority;
  SupportAccess: SupportAccessParent;
  SupportAccessGrantInput: SupportAccessGrantInput;
  SupportAccessPayload: Omit<SupportAccessPayload, 'supportAccess'> & { supportAccess?: Maybe<ResolversParentTypes['SupportAccess']> };
  SupportCustomer: SupportCustomerParent;
  SupportCustomerConnection: Omit<SupportCustomerConnection, 'edges'> & { edges: Array<ResolversParentTypes['SupportCustomerEdge']> };
  SupportCustomerEdge: Omit<SupportCustomerEdge, 'node'> & { node: ResolversParentTypes['SupportCustomer'] };
  SupportSessionLog: SupportSessionLogParent;
  SupportSessionStep: SupportSessionStepParent;
  Transfers: Transfers;
  UserError: UserError;
  Viewer: ViewerParent;
  WarrantyCertificate: WarrantyCertificateParent;
  WarrantyCertificateConnection: Omit<WarrantyCertificateConnection, 'edges'> & { edges: Array<ResolversParentTypes['WarrantyCertificateEdge']> };
  WarrantyCertificateEdge: Omit<WarrantyCertificateEdge, 'node'> & { node: ResolversParentTypes['WarrantyCertificate'] };
  WebhookAttempt: WebhookAttempt;
  WebhookDeliveriesReplayInput: WebhookDeliveriesReplayInput;
  WebhookDeliveriesReplayPayload: Omit<WebhookDeliveriesReplayPayload, 'webhookEndpoint'> & { webhookEndpoint?: Maybe<ResolversParentTypes['WebhookEndpoint']> };
  WebhookDelivery: WebhookDeliveryParent;
  WebhookDeliveryConnection: Omit<WebhookDeliveryConnection, 'edges'> & { edges: Array<ResolversParentTypes['WebhookDeliveryEdge']> };
  WebhookDeliveryEdge: Omit<WebhookDeliveryEdge, 'node'> & { node: ResolversParentTypes['WebhookDelivery'] };
  WebhookDeliveryReplayPayload: Omit<WebhookDeliveryReplayPayload, 'webhookDelivery'> & { webhookDelivery?: Maybe<ResolversParentTypes['WebhookDelivery']> };
  WebhookEndpoint: WebhookEndpointParent;
  WebhookEndpointCreateInput: WebhookEndpointCreateInput;
  WebhookEndpointCreatePayload: Omit<WebhookEndpointCreatePayload, 'webhookEndpoint'> & { webhookEndpoint?: Maybe<ResolversParentTypes['WebhookEndpoint']> };
  WebhookEndpointDeletePayload: Omit<WebhookEndpointDeletePayload, 'webhookEndpoint'> & { webhookEndpoint?: Maybe<ResolversParentTypes['WebhookEndpoint']> };
  WebhookEndpointRotateSecretPayload: Omit<WebhookEndpointRotateSecretPayload, 'webhookEndpoint'> & { webhookEndpoint?: Maybe<ResolversParentTypes['WebhookEndpoint']> };
  WebhookEndpointUpdateInput: WebhookEndpointUpdateInput;
  WebhookEndpointUpdatePayload: Omit<WebhookEndpointUpdatePayload, 'webhookEndpoint'> & { webhookEndpoint?: Maybe<ResolversParentTypes['WebhookEndpoint']> };
  WebhookEventType: WebhookEventType;
};

export type AccessLogEntryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AccessLogEntry'] = ResolversParentTypes['AccessLogEntry']> = {
  action?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  actorName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  changes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ipMasked?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['AccessLogEntryKind'], ParentType, ContextType>;
  subject?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  supportSession?: Resolver<Maybe<ResolversTypes['SupportSessionLog']>, ParentType, ContextType>;
  userAgent?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AccessLogEntryConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AccessLogEntryConnection'] = ResolversParentTypes['AccessLogEntryConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AccessLogEntryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AccessLogEntryEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AccessLogEntryEdge'] = ResolversParentTypes['AccessLogEntryEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AccessLogEntry'], ParentType, ContextType>;
};

export type AccountDeletionCancelPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AccountDeletionCancelPayload'] = ResolversParentTypes['AccountDeletionCancelPayload']> = {
  deletionRequest?: Resolver<Maybe<ResolversTypes['DeletionRequest']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type AccountDeletionConfirmPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AccountDeletionConfirmPayload'] = ResolversParentTypes['AccountDeletionConfirmPayload']> = {
  deletionRequest?: Resolver<Maybe<ResolversTypes['DeletionRequest']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type AccountDeletionRequestPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AccountDeletionRequestPayload'] = ResolversParentTypes['AccountDeletionRequestPayload']> = {
  deletionRequest?: Resolver<Maybe<ResolversTypes['DeletionRequest']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type AddressResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Address'] = ResolversParentTypes['Address']> = {
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  country?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  countryName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isDefaultBilling?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  isDefaultShipping?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  label?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  line1?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  line2?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  postalCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recipientName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type AddressDeletePayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AddressDeletePayload'] = ResolversParentTypes['AddressDeletePayload']> = {
  deletedAddressId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type AddressPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AddressPayload'] = ResolversParentTypes['AddressPayload']> = {
  address?: Resolver<Maybe<ResolversTypes['Address']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type AgentResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Agent'] = ResolversParentTypes['Agent']> = {
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['AgentRole'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ApiKeyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ApiKey'] = ResolversParentTypes['ApiKey']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdByName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recipientKey?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  secrets?: Resolver<Array<ResolversTypes['ApiKeySecretInfo']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ApiKeyStatus'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ApiKeyCreatePayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ApiKeyCreatePayload'] = ResolversParentTypes['ApiKeyCreatePayload']> = {
  apiKey?: Resolver<Maybe<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  secret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ApiKeyRevokePayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ApiKeyRevokePayload'] = ResolversParentTypes['ApiKeyRevokePayload']> = {
  apiKey?: Resolver<Maybe<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ApiKeyRotatePayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ApiKeyRotatePayload'] = ResolversParentTypes['ApiKeyRotatePayload']> = {
  apiKey?: Resolver<Maybe<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  secret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ApiKeySecretInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ApiKeySecretInfo'] = ResolversParentTypes['ApiKeySecretInfo']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  prefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ApiScopeInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ApiScopeInfo'] = ResolversParentTypes['ApiScopeInfo']> = {
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AuditEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AuditEvent'] = ResolversParentTypes['AuditEvent']> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actorName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  actorType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  agentId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  details?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  impersonationId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  sequence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AuditEventConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AuditEventConnection'] = ResolversParentTypes['AuditEventConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AuditEventEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AuditEventEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AuditEventEdge'] = ResolversParentTypes['AuditEventEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AuditEvent'], ParentType, ContextType>;
};

export type ConnectedAccountResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConnectedAccount'] = ResolversParentTypes['ConnectedAccount']> = {
  isAvailable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  isLinked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  linkedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  providedData?: Resolver<Array<ResolversTypes['ProvidedValue']>, ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['SocialProvider'], ParentType, ContextType>;
  providerId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unlinkBlockedReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  unlinkedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type ConnectedAccountPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConnectedAccountPayload'] = ResolversParentTypes['ConnectedAccountPayload']> = {
  connectedAccount?: Resolver<Maybe<ResolversTypes['ConnectedAccount']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ConnectedAccountsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConnectedAccounts'] = ResolversParentTypes['ConnectedAccounts']> = {
  accounts?: Resolver<Array<ResolversTypes['ConnectedAccount']>, ParentType, ContextType>;
  canLinkUntil?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  hasPassword?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  purposes?: Resolver<Array<ResolversTypes['ProcessingPurpose']>, ParentType, ContextType>;
  retention?: Resolver<Array<ResolversTypes['RetentionRule']>, ParentType, ContextType>;
};

export type ConsentApplyGlobalPrivacyControlPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConsentApplyGlobalPrivacyControlPayload'] = ResolversParentTypes['ConsentApplyGlobalPrivacyControlPayload']> = {
  consents?: Resolver<Maybe<Array<ResolversTypes['CustomerConsent']>>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  withdrawnPurposes?: Resolver<Maybe<Array<ResolversTypes['ConsentPurpose']>>, ParentType, ContextType>;
};

export type ConsentConfirmPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConsentConfirmPayload'] = ResolversParentTypes['ConsentConfirmPayload']> = {
  confirmedPurposes?: Resolver<Maybe<Array<ResolversTypes['ConsentPurpose']>>, ParentType, ContextType>;
  shop?: Resolver<Maybe<ResolversTypes['Shop']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ConsentConfirmationLinkResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConsentConfirmationLink'] = ResolversParentTypes['ConsentConfirmationLink']> = {
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  purposes?: Resolver<Array<ResolversTypes['ConsentPurpose']>, ParentType, ContextType>;
  shop?: Resolver<ResolversTypes['Shop'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ConsentLinkStatus'], ParentType, ContextType>;
};

export type ConsentPurposeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConsentPurpose'] = ResolversParentTypes['ConsentPurpose']> = {
  channel?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  isCoveredByGlobalPrivacyControl?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  isRequired?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ConsentPurposeKind'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requiresConfirmation?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  topic?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ConsentRecordResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConsentRecord'] = ResolversParentTypes['ConsentRecord']> = {
  actorType?: Resolver<ResolversTypes['ConsentActorType'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  optInLevel?: Resolver<ResolversTypes['ConsentOptInLevel'], ParentType, ContextType>;
  policyVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  purpose?: Resolver<Maybe<ResolversTypes['ConsentPurpose']>, ParentType, ContextType>;
  purposeKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['ConsentSource'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ConsentState'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ConsentRecordConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConsentRecordConnection'] = ResolversParentTypes['ConsentRecordConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ConsentRecordEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ConsentRecordEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConsentRecordEdge'] = ResolversParentTypes['ConsentRecordEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ConsentRecord'], ParentType, ContextType>;
};

export type ConsentUnsubscribeLinkResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConsentUnsubscribeLink'] = ResolversParentTypes['ConsentUnsubscribeLink']> = {
  purpose?: Resolver<ResolversTypes['ConsentPurpose'], ParentType, ContextType>;
  shop?: Resolver<ResolversTypes['Shop'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ConsentState'], ParentType, ContextType>;
};

export type ConsentUnsubscribePayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConsentUnsubscribePayload'] = ResolversParentTypes['ConsentUnsubscribePayload']> = {
  isAlreadyWithdrawn?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  purpose?: Resolver<Maybe<ResolversTypes['ConsentPurpose']>, ParentType, ContextType>;
  shop?: Resolver<Maybe<ResolversTypes['Shop']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ConsentUpdatePayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConsentUpdatePayload'] = ResolversParentTypes['ConsentUpdatePayload']> = {
  consents?: Resolver<Maybe<Array<ResolversTypes['CustomerConsent']>>, ParentType, ContextType>;
  isConfirmationSent?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ContactPointResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ContactPoint'] = ResolversParentTypes['ContactPoint']> = {
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  website?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ControllerResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Controller'] = ResolversParentTypes['Controller']> = {
  address?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  country?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  registration?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  taxId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CookieCategoryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CookieCategory'] = ResolversParentTypes['CookieCategory']> = {
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  isRequired?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CustomerResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer']> = {
  accessLog?: Resolver<ResolversTypes['AccessLogEntryConnection'], ParentType, ContextType, RequireFields<CustomerAccessLogArgs, 'first'>>;
  addresses?: Resolver<Array<ResolversTypes['Address']>, ParentType, ContextType>;
  alias?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  connectedAccounts?: Resolver<ResolversTypes['ConnectedAccounts'], ParentType, ContextType>;
  consentHistory?: Resolver<ResolversTypes['ConsentRecordConnection'], ParentType, ContextType, RequireFields<CustomerConsentHistoryArgs, 'first'>>;
  consents?: Resolver<Array<ResolversTypes['CustomerConsent']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dataCategories?: Resolver<Array<ResolversTypes['DataCategory']>, ParentType, ContextType>;
  dataset?: Resolver<Maybe<ResolversTypes['DataSet']>, ParentType, ContextType, RequireFields<CustomerDatasetArgs, 'id'>>;
  datasets?: Resolver<Array<ResolversTypes['DataSet']>, ParentType, ContextType, RequireFields<CustomerDatasetsArgs, 'ids'>>;
  dateOfBirth?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  deletionPlan?: Resolver<ResolversTypes['DeletionPlan'], ParentType, ContextType>;
  deletionRequest?: Resolver<Maybe<ResolversTypes['DeletionRequest']>, ParentType, ContextType>;
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  exports?: Resolver<ResolversTypes['ExportConnection'], ParentType, ContextType, RequireFields<CustomerExportsArgs, 'first'>>;
  firstName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  gender?: Resolver<Maybe<ResolversTypes['Gender']>, ParentType, ContextType>;
  hometown?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invitations?: Resolver<ResolversTypes['InvitationConnection'], ParentType, ContextType, RequireFields<CustomerInvitationsArgs, 'first'>>;
  invoices?: Resolver<ResolversTypes['InvoiceConnection'], ParentType, ContextType, RequireFields<CustomerInvoicesArgs, 'first'>>;
  lastName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orders?: Resolver<ResolversTypes['OrderConnection'], ParentType, ContextType, RequireFields<CustomerOrdersArgs, 'first'>>;
  pendingEmailChange?: Resolver<Maybe<ResolversTypes['PendingEmailChange']>, ParentType, ContextType>;
  phones?: Resolver<Array<ResolversTypes['Phone']>, ParentType, ContextType>;
  restrictedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  rightsRequests?: Resolver<ResolversTypes['CustomerRightsRequests'], ParentType, ContextType, RequireFields<CustomerRightsRequestsArgs, 'first'>>;
  status?: Resolver<ResolversTypes['CustomerStatus'], ParentType, ContextType>;
  supportAccess?: Resolver<ResolversTypes['SupportAccess'], ParentType, ContextType>;
  warrantyCertificates?: Resolver<ResolversTypes['WarrantyCertificateConnection'], ParentType, ContextType, RequireFields<CustomerWarrantyCertificatesArgs, 'first'>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CustomerConsentResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CustomerConsent'] = ResolversParentTypes['CustomerConsent']> = {
  isOverriddenByGlobalPrivacyControl?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  optInLevel?: Resolver<Maybe<ResolversTypes['ConsentOptInLevel']>, ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['ConsentPurpose'], ParentType, ContextType>;
  recordedState?: Resolver<ResolversTypes['ConsentState'], ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['ConsentSource']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ConsentState'], ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type CustomerEmailChangeConfirmPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CustomerEmailChangeConfirmPayload'] = ResolversParentTypes['CustomerEmailChangeConfirmPayload']> = {
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type CustomerEmailChangeRequestPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CustomerEmailChangeRequestPayload'] = ResolversParentTypes['CustomerEmailChangeRequestPayload']> = {
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  pendingEmail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type CustomerPasswordSetPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CustomerPasswordSetPayload'] = ResolversParentTypes['CustomerPasswordSetPayload']> = {
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type CustomerRightsRequestsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CustomerRightsRequests'] = ResolversParentTypes['CustomerRightsRequests']> = {
  categories?: Resolver<Array<ResolversTypes['RightsRequestChoice']>, ParentType, ContextType>;
  dueDatesIfFiledNow?: Resolver<ResolversTypes['RequestDueDates'], ParentType, ContextType>;
  objectedPurposes?: Resolver<Array<ResolversTypes['RightsRequestChoice']>, ParentType, ContextType>;
  objectionPurposes?: Resolver<Array<ResolversTypes['RightsRequestChoice']>, ParentType, ContextType>;
  open?: Resolver<Array<ResolversTypes['RightsRequest']>, ParentType, ContextType>;
  requests?: Resolver<ResolversTypes['RightsRequestConnection'], ParentType, ContextType>;
  restrictedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  types?: Resolver<Array<ResolversTypes['RightsRequestTypeOption']>, ParentType, ContextType>;
};

export type CustomerSignUpPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CustomerSignUpPayload'] = ResolversParentTypes['CustomerSignUpPayload']> = {
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type CustomerUpdatePayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CustomerUpdatePayload'] = ResolversParentTypes['CustomerUpdatePayload']> = {
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type DataCategoryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DataCategory'] = ResolversParentTypes['DataCategory']> = {
  datasets?: Resolver<Array<ResolversTypes['DataSet']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  isDeclared?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  purposes?: Resolver<Array<ResolversTypes['ProcessingPurpose']>, ParentType, ContextType>;
  recipients?: Resolver<Array<ResolversTypes['Recipient']>, ParentType, ContextType>;
  retention?: Resolver<Array<ResolversTypes['RetentionInfo']>, ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['DataSource']>, ParentType, ContextType>;
};

export type DataFieldResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DataField'] = ResolversParentTypes['DataField']> = {
  isSensitive?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['DataSource'], ParentType, ContextType>;
};

export type DataRecordResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DataRecord'] = ResolversParentTypes['DataRecord']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  keptUntil?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['DataValue']>, ParentType, ContextType>;
};

export type DataRecordConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DataRecordConnection'] = ResolversParentTypes['DataRecordConnection']> = {
  edges?: Resolver<Array<ResolversTypes['DataRecordEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DataRecordEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DataRecordEdge'] = ResolversParentTypes['DataRecordEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['DataRecord'], ParentType, ContextType>;
};

export type DataRevealPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DataRevealPayload'] = ResolversParentTypes['DataRevealPayload']> = {
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type DataSetResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DataSet'] = ResolversParentTypes['DataSet']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['DataField']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isCountExact?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  records?: Resolver<ResolversTypes['DataRecordConnection'], ParentType, ContextType, RequireFields<DataSetRecordsArgs, 'first'>>;
};

export type DataValueResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DataValue'] = ResolversParentTypes['DataValue']> = {
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  isMasked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeletionPlanResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DeletionPlan'] = ResolversParentTypes['DeletionPlan']> = {
  canReRegister?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  entries?: Resolver<Array<ResolversTypes['DeletionPlanEntry']>, ParentType, ContextType>;
  erasureDate?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  gracePeriodDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  warning?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DeletionPlanEntryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DeletionPlanEntry'] = ResolversParentTypes['DeletionPlanEntry']> = {
  action?: Resolver<ResolversTypes['ErasureAction'], ParentType, ContextType>;
  category?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  dataSet?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  explanation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  retainedUntilEarliest?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  retainedUntilLatest?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  rule?: Resolver<Maybe<ResolversTypes['RetentionRule']>, ParentType, ContextType>;
};

export type DeletionRequestResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DeletionRequest'] = ResolversParentTypes['DeletionRequest']> = {
  cancelledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  confirmationExpiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  confirmedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  requestedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  scheduledFor?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DeletionRequestStatus'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type DeletionTermsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DeletionTerms'] = ResolversParentTypes['DeletionTerms']> = {
  canReRegister?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  gracePeriodDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  warning?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DurationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Duration'] = ResolversParentTypes['Duration']> = {
  days?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  months?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  workingDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  years?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ExportResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Export'] = ResolversParentTypes['Export']> = {
  byteSize?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  categories?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  downloadUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  downloads?: Resolver<Array<ResolversTypes['ExportDownload']>, ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  failureCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  format?: Resolver<ResolversTypes['ExportFormat'], ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  progress?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  readyAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  recordsDone?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  recordsTotal?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  sha256?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ExportStatus'], ParentType, ContextType>;
  to?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ExportConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ExportConnection'] = ResolversParentTypes['ExportConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ExportEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ExportCreatePayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ExportCreatePayload'] = ResolversParentTypes['ExportCreatePayload']> = {
  export?: Resolver<Maybe<ResolversTypes['Export']>, ParentType, ContextType>;
  isExisting?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ExportDownloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ExportDownload'] = ResolversParentTypes['ExportDownload']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  userAgent?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ExportEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ExportEdge'] = ResolversParentTypes['ExportEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Export'], ParentType, ContextType>;
};

export type ImpersonationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Impersonation'] = ResolversParentTypes['Impersonation']> = {
  customer?: Resolver<Maybe<ResolversTypes['SupportCustomer']>, ParentType, ContextType>;
  endReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  endedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  ticket?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ImpersonationPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ImpersonationPayload'] = ResolversParentTypes['ImpersonationPayload']> = {
  impersonation?: Resolver<Maybe<ResolversTypes['Impersonation']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type InvitationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Invitation'] = ResolversParentTypes['Invitation']> = {
  channel?: Resolver<ResolversTypes['InvitationChannel'], ParentType, ContextType>;
  closedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  detailsErasedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  friendEmail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  friendName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  link?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  shareUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['InvitationStatus'], ParentType, ContextType>;
};

export type InvitationConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['InvitationConnection'] = ResolversParentTypes['InvitationConnection']> = {
  channels?: Resolver<Array<ResolversTypes['InvitationChannel']>, ParentType, ContextType>;
  edges?: Resolver<Array<ResolversTypes['InvitationEdge']>, ParentType, ContextType>;
  nextAllowedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  perDay?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  remainingToday?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  retentionDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type InvitationEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['InvitationEdge'] = ResolversParentTypes['InvitationEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Invitation'], ParentType, ContextType>;
};

export type InvitationLinkResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['InvitationLink'] = ResolversParentTypes['InvitationLink']> = {
  canAccept?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  canObject?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['InvitationChannel'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  friendEmail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  friendName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  inviterName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  retentionDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  shop?: Resolver<ResolversTypes['Shop'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['InvitationStatus'], ParentType, ContextType>;
};

export type InvitationObjectionPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['InvitationObjectionPayload'] = ResolversParentTypes['InvitationObjectionPayload']> = {
  isAlreadyObjected?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  shop?: Resolver<Maybe<ResolversTypes['Shop']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type InvitationPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['InvitationPayload'] = ResolversParentTypes['InvitationPayload']> = {
  invitation?: Resolver<Maybe<ResolversTypes['Invitation']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type InvitationsEraseFriendDetailsPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['InvitationsEraseFriendDetailsPayload'] = ResolversParentTypes['InvitationsEraseFriendDetailsPayload']> = {
  erasedCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type InvoiceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Invoice'] = ResolversParentTypes['Invoice']> = {
  billingAddress?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  billingName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  billingTaxId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  downloadUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issuedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  net?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orderNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tax?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type InvoiceConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['InvoiceConnection'] = ResolversParentTypes['InvoiceConnection']> = {
  edges?: Resolver<Array<ResolversTypes['InvoiceEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type InvoiceEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['InvoiceEdge'] = ResolversParentTypes['InvoiceEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType>;
};

export type LegalRegimeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LegalRegime'] = ResolversParentTypes['LegalRegime']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  law?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MarketingChannelResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MarketingChannel'] = ResolversParentTypes['MarketingChannel']> = {
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MarketingOptionsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MarketingOptions'] = ResolversParentTypes['MarketingOptions']> = {
  channels?: Resolver<Array<ResolversTypes['MarketingChannel']>, ParentType, ContextType>;
  offersProfiling?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  offersThirdPartySharing?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  requiresDoubleOptIn?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  topics?: Resolver<Array<ResolversTypes['MarketingTopic']>, ParentType, ContextType>;
  unsubscribeHint?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MarketingTopicResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MarketingTopic'] = ResolversParentTypes['MarketingTopic']> = {
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  cents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  formatted?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  _empty?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  accountDeletionCancel?: Resolver<ResolversTypes['AccountDeletionCancelPayload'], ParentType, ContextType>;
  accountDeletionConfirm?: Resolver<ResolversTypes['AccountDeletionConfirmPayload'], ParentType, ContextType, RequireFields<MutationAccountDeletionConfirmArgs, 'input'>>;
  accountDeletionRequest?: Resolver<ResolversTypes['AccountDeletionRequestPayload'], ParentType, ContextType, RequireFields<MutationAccountDeletionRequestArgs, 'input'>>;
  addressCreate?: Resolver<ResolversTypes['AddressPayload'], ParentType, ContextType, RequireFields<MutationAddressCreateArgs, 'input'>>;
  addressDelete?: Resolver<ResolversTypes['AddressDeletePayload'], ParentType, ContextType, RequireFields<MutationAddressDeleteArgs, 'id'>>;
  addressUpdate?: Resolver<ResolversTypes['AddressPayload'], ParentType, ContextType, RequireFields<MutationAddressUpdateArgs, 'id' | 'input'>>;
  apiKeyCreate?: Resolver<ResolversTypes['ApiKeyCreatePayload'], ParentType, ContextType, RequireFields<MutationApiKeyCreateArgs, 'input'>>;
  apiKeyRevoke?: Resolver<ResolversTypes['ApiKeyRevokePayload'], ParentType, ContextType, RequireFields<MutationApiKeyRevokeArgs, 'id'>>;
  apiKeyRotate?: Resolver<ResolversTypes['ApiKeyRotatePayload'], ParentType, ContextType, RequireFields<MutationApiKeyRotateArgs, 'id'>>;
  connectedAccountEraseProvidedData?: Resolver<ResolversTypes['ConnectedAccountPayload'], ParentType, ContextType, RequireFields<MutationConnectedAccountEraseProvidedDataArgs, 'input'>>;
  connectedAccountUnlink?: Resolver<ResolversTypes['ConnectedAccountPayload'], ParentType, ContextType, RequireFields<MutationConnectedAccountUnlinkArgs, 'input'>>;
  consentApplyGlobalPrivacyControl?: Resolver<ResolversTypes['ConsentApplyGlobalPrivacyControlPayload'], ParentType, ContextType>;
  consentConfirm?: Resolver<ResolversTypes['ConsentConfirmPayload'], ParentType, ContextType, RequireFields<MutationConsentConfirmArgs, 'input'>>;
  consentUnsubscribe?: Resolver<ResolversTypes['ConsentUnsubscribePayload'], ParentType, ContextType, RequireFields<MutationConsentUnsubscribeArgs, 'input'>>;
  consentUpdate?: Resolver<ResolversTypes['ConsentUpdatePayload'], ParentType, ContextType, RequireFields<MutationConsentUpdateArgs, 'input'>>;
  customerEmailChangeConfirm?: Resolver<ResolversTypes['CustomerEmailChangeConfirmPayload'], ParentType, ContextType, RequireFields<MutationCustomerEmailChangeConfirmArgs, 'input'>>;
  customerEmailChangeRequest?: Resolver<ResolversTypes['CustomerEmailChangeRequestPayload'], ParentType, ContextType, RequireFields<MutationCustomerEmailChangeRequestArgs, 'input'>>;
  customerPasswordSet?: Resolver<ResolversTypes['CustomerPasswordSetPayload'], ParentType, ContextType, RequireFields<MutationCustomerPasswordSetArgs, 'input'>>;
  customerSignUp?: Resolver<ResolversTypes['CustomerSignUpPayload'], ParentType, ContextType, RequireFields<MutationCustomerSignUpArgs, 'input'>>;
  customerUpdate?: Resolver<ResolversTypes['CustomerUpdatePayload'], ParentType, ContextType, RequireFields<MutationCustomerUpdateArgs, 'input'>>;
  dataReveal?: Resolver<ResolversTypes['DataRevealPayload'], ParentType, ContextType, RequireFields<MutationDataRevealArgs, 'input'>>;
  exportCreate?: Resolver<ResolversTypes['ExportCreatePayload'], ParentType, ContextType, RequireFields<MutationExportCreateArgs, 'input'>>;
  impersonationEnd?: Resolver<ResolversTypes['ImpersonationPayload'], ParentType, ContextType>;
  impersonationStart?: Resolver<ResolversTypes['ImpersonationPayload'], ParentType, ContextType, RequireFields<MutationImpersonationStartArgs, 'input'>>;
  invitationCreate?: Resolver<ResolversTypes['InvitationPayload'], ParentType, ContextType, RequireFields<MutationInvitationCreateArgs, 'input'>>;
  invitationObjection?: Resolver<ResolversTypes['InvitationObjectionPayload'], ParentType, ContextType, RequireFields<MutationInvitationObjectionArgs, 'input'>>;
  invitationWithdraw?: Resolver<ResolversTypes['InvitationPayload'], ParentType, ContextType, RequireFields<MutationInvitationWithdrawArgs, 'id'>>;
  invitationsEraseFriendDetails?: Resolver<ResolversTypes['InvitationsEraseFriendDetailsPayload'], ParentType, ContextType>;
  restrictionLift?: Resolver<ResolversTypes['RightsRequestPayload'], ParentType, ContextType, RequireFields<MutationRestrictionLiftArgs, 'input'>>;
  rightsRequestAddInformation?: Resolver<ResolversTypes['RightsRequestPayload'], ParentType, ContextType, RequireFields<MutationRightsRequestAddInformationArgs, 'input'>>;
  rightsRequestAddNote?: Resolver<ResolversTypes['RightsRequestPayload'], ParentType, ContextType, RequireFields<MutationRightsRequestAddNoteArgs, 'input'>>;
  rightsRequestAssign?: Resolver<ResolversTypes['RightsRequestPayload'], ParentType, ContextType, RequireFields<MutationRightsRequestAssignArgs, 'input'>>;
  rightsRequestCreate?: Resolver<ResolversTypes['RightsRequestPayload'], ParentType, ContextType, RequireFields<MutationRightsRequestCreateArgs, 'input'>>;
  rightsRequestDecide?: Resolver<ResolversTypes['RightsRequestPayload'], ParentType, ContextType, RequireFields<MutationRightsRequestDecideArgs, 'input'>>;
  rightsRequestExtend?: Resolver<ResolversTypes['RightsRequestPayload'], ParentType, ContextType, RequireFields<MutationRightsRequestExtendArgs, 'input'>>;
  rightsRequestVerify?: Resolver<ResolversTypes['RightsRequestPayload'], ParentType, ContextType, RequireFields<MutationRightsRequestVerifyArgs, 'input'>>;
  rightsRequestWithdraw?: Resolver<ResolversTypes['RightsRequestPayload'], ParentType, ContextType, RequireFields<MutationRightsRequestWithdrawArgs, 'id'>>;
  sessionReauthenticate?: Resolver<ResolversTypes['SessionReauthenticatePayload'], ParentType, ContextType, RequireFields<MutationSessionReauthenticateArgs, 'input'>>;
  supportAccessGrant?: Resolver<ResolversTypes['SupportAccessPayload'], ParentType, ContextType, RequireFields<MutationSupportAccessGrantArgs, 'input'>>;
  supportAccessRevoke?: Resolver<ResolversTypes['SupportAccessPayload'], ParentType, ContextType>;
  webhookDeliveriesReplay?: Resolver<ResolversTypes['WebhookDeliveriesReplayPayload'], ParentType, ContextType, RequireFields<MutationWebhookDeliveriesReplayArgs, 'input'>>;
  webhookDeliveryReplay?: Resolver<ResolversTypes['WebhookDeliveryReplayPayload'], ParentType, ContextType, RequireFields<MutationWebhookDeliveryReplayArgs, 'id'>>;
  webhookEndpointCreate?: Resolver<ResolversTypes['WebhookEndpointCreatePayload'], ParentType, ContextType, RequireFields<MutationWebhookEndpointCreateArgs, 'input'>>;
  webhookEndpointDelete?: Resolver<ResolversTypes['WebhookEndpointDeletePayload'], ParentType, ContextType, RequireFields<MutationWebhookEndpointDeleteArgs, 'id'>>;
  webhookEndpointRotateSecret?: Resolver<ResolversTypes['WebhookEndpointRotateSecretPayload'], ParentType, ContextType, RequireFields<MutationWebhookEndpointRotateSecretArgs, 'id'>>;
  webhookEndpointUpdate?: Resolver<ResolversTypes['WebhookEndpointUpdatePayload'], ParentType, ContextType, RequireFields<MutationWebhookEndpointUpdateArgs, 'id' | 'input'>>;
};

export type NodeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = {
  __resolveType: TypeResolveFn<'Address' | 'Agent' | 'ApiKey' | 'ConsentRecord' | 'Customer' | 'DeletionRequest' | 'Export' | 'Impersonation' | 'Invoice' | 'Order' | 'RightsRequest' | 'Shop' | 'WarrantyCertificate', ParentType, ContextType>;
};

export type OrderResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order']> = {
  billingAddress?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  billingName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoiceNumbers?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['OrderItem']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  placedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  shipping?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  shippingAddress?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  shippingName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
  subtotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type OrderConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['OrderConnection'] = ResolversParentTypes['OrderConnection']> = {
  edges?: Resolver<Array<ResolversTypes['OrderEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type OrderEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['OrderEdge'] = ResolversParentTypes['OrderEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
};

export type OrderItemResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['OrderItem'] = ResolversParentTypes['OrderItem']> = {
  productName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PartnerResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Partner'] = ResolversParentTypes['Partner']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PendingEmailChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PendingEmailChange'] = ResolversParentTypes['PendingEmailChange']> = {
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  newEmail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PhoneResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Phone'] = ResolversParentTypes['Phone']> = {
  isPrimary?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['PhoneKind'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PolicyDataCategoryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PolicyDataCategory'] = ResolversParentTypes['PolicyDataCategory']> = {
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['DataSource']>, ParentType, ContextType>;
};

export type ProcessingPurposeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProcessingPurpose'] = ResolversParentTypes['ProcessingPurpose']> = {
  categories?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  legalBasis?: Resolver<ResolversTypes['LegalBasis'], ParentType, ContextType>;
  legalBasisDetail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ProvidedValueResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProvidedValue'] = ResolversParentTypes['ProvidedValue']> = {
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  apiKeys?: Resolver<Array<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  apiScopes?: Resolver<Array<ResolversTypes['ApiScopeInfo']>, ParentType, ContextType>;
  auditLog?: Resolver<ResolversTypes['AuditEventConnection'], ParentType, ContextType, RequireFields<QueryAuditLogArgs, 'first'>>;
  auditLogAgents?: Resolver<Array<ResolversTypes['Agent']>, ParentType, ContextType>;
  consentConfirmationLink?: Resolver<Maybe<ResolversTypes['ConsentConfirmationLink']>, ParentType, ContextType, RequireFields<QueryConsentConfirmationLinkArgs, 'token'>>;
  consentUnsubscribeLink?: Resolver<Maybe<ResolversTypes['ConsentUnsubscribeLink']>, ParentType, ContextType, RequireFields<QueryConsentUnsubscribeLinkArgs, 'token'>>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType, RequireFields<QueryCustomerArgs, 'id'>>;
  customerByEmail?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType, RequireFields<QueryCustomerByEmailArgs, 'email'>>;
  customerRightsRequests?: Resolver<ResolversTypes['RightsRequestConnection'], ParentType, ContextType, RequireFields<QueryCustomerRightsRequestsArgs, 'customerId' | 'first'>>;
  invitationLink?: Resolver<Maybe<ResolversTypes['InvitationLink']>, ParentType, ContextType, RequireFields<QueryInvitationLinkArgs, 'token'>>;
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  rightsRequest?: Resolver<Maybe<ResolversTypes['RightsRequest']>, ParentType, ContextType, RequireFields<QueryRightsRequestArgs, 'id'>>;
  rightsRequestQueue?: Resolver<ResolversTypes['RightsRequestQueue'], ParentType, ContextType, RequireFields<QueryRightsRequestQueueArgs, 'first'>>;
  shop?: Resolver<Maybe<ResolversTypes['Shop']>, ParentType, ContextType, RequireFields<QueryShopArgs, 'handle'>>;
  shops?: Resolver<Array<ResolversTypes['Shop']>, ParentType, ContextType>;
  supportCustomer?: Resolver<Maybe<ResolversTypes['SupportCustomer']>, ParentType, ContextType, RequireFields<QuerySupportCustomerArgs, 'id'>>;
  supportCustomers?: Resolver<ResolversTypes['SupportCustomerConnection'], ParentType, ContextType, RequireFields<QuerySupportCustomersArgs, 'first' | 'query'>>;
  viewer?: Resolver<ResolversTypes['Viewer'], ParentType, ContextType>;
  webhookEndpoint?: Resolver<Maybe<ResolversTypes['WebhookEndpoint']>, ParentType, ContextType, RequireFields<QueryWebhookEndpointArgs, 'id'>>;
  webhookEndpoints?: Resolver<Array<ResolversTypes['WebhookEndpoint']>, ParentType, ContextType>;
  webhookEventTypes?: Resolver<Array<ResolversTypes['WebhookEventType']>, ParentType, ContextType>;
};

export type RecipientResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Recipient'] = ResolversParentTypes['Recipient']> = {
  categories?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  isOutsideEEA?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  location?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  purposes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type RequestDueDatesResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RequestDueDates'] = ResolversParentTypes['RequestDueDates']> = {
  dueOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  extendedDueOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  holidayCountry?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  holidaysKnown?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  receivedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  timeZone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RequestHandlingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RequestHandling'] = ResolversParentTypes['RequestHandling']> = {
  authorisedAgentRequirement?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  authorisedAgentsAllowed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  dueDatesIfAskedNow?: Resolver<ResolversTypes['RequestDueDates'], ParentType, ContextType>;
  extension?: Resolver<Maybe<ResolversTypes['Duration']>, ParentType, ContextType>;
  extensionCondition?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  objectionPurposes?: Resolver<Array<ResolversTypes['RightsRequestChoice']>, ParentType, ContextType>;
  publishesMetrics?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  responseDeadline?: Resolver<ResolversTypes['Duration'], ParentType, ContextType>;
  types?: Resolver<Array<ResolversTypes['RightsRequestTypeOption']>, ParentType, ContextType>;
  verification?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RetentionInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RetentionInfo'] = ResolversParentTypes['RetentionInfo']> = {
  explanation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  keptUntil?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['RetentionRule'], ParentType, ContextType>;
};

export type RetentionRuleResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RetentionRule'] = ResolversParentTypes['RetentionRule']> = {
  basis?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  categories?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  duration?: Resolver<Maybe<ResolversTypes['Duration']>, ParentType, ContextType>;
  keepOnErasure?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  trigger?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RightResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Right'] = ResolversParentTypes['Right']> = {
  conditions?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RightsRequestResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RightsRequest'] = ResolversParentTypes['RightsRequest']> = {
  assignedTo?: Resolver<Maybe<ResolversTypes['Agent']>, ParentType, ContextType>;
  canChange?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  categories?: Resolver<Array<ResolversTypes['RightsRequestChoice']>, ParentType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['RightsRequestCustomer']>, ParentType, ContextType>;
  decidedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  decisionReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  details?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dueOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes['RightsRequestEvent']>, ParentType, ContextType>;
  extendableTo?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  extendedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  extensionReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  filedBy?: Resolver<ResolversTypes['RightsRequestFiler'], ParentType, ContextType>;
  firstDueOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isOverdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outcome?: Resolver<Maybe<ResolversTypes['RightsRequestOutcome']>, ParentType, ContextType>;
  purposes?: Resolver<Array<ResolversTypes['RightsRequestChoice']>, ParentType, ContextType>;
  receivedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  receivedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  representativeName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  representativeProof?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  selfService?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RightsRequestStatus'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['RightsRequestType'], ParentType, ContextType>;
  withdrawnAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type RightsRequestChoiceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RightsRequestChoice'] = ResolversParentTypes['RightsRequestChoice']> = {
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RightsRequestConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RightsRequestConnection'] = ResolversParentTypes['RightsRequestConnection']> = {
  edges?: Resolver<Array<ResolversTypes['RightsRequestEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RightsRequestCustomerResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RightsRequestCustomer'] = ResolversParentTypes['RightsRequestCustomer']> = {
  displayName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isRestricted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type RightsRequestEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RightsRequestEdge'] = ResolversParentTypes['RightsRequestEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['RightsRequest'], ParentType, ContextType>;
};

export type RightsRequestEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RightsRequestEvent'] = ResolversParentTypes['RightsRequestEvent']> = {
  actorName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  actorType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  internal?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RightsRequestMetricsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RightsRequestMetrics'] = ResolversParentTypes['RightsRequestMetrics']> = {
  rows?: Resolver<Array<ResolversTypes['RightsRequestMetricsRow']>, ParentType, ContextType>;
  total?: Resolver<ResolversTypes['RightsRequestMetricsRow'], ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RightsRequestMetricsRowResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RightsRequestMetricsRow'] = ResolversParentTypes['RightsRequestMetricsRow']> = {
  granted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  late?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  meanDaysToRespond?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  medianDaysToRespond?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  partlyGranted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pending?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  received?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  refused?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  type?: Resolver<Maybe<ResolversTypes['RightsRequestType']>, ParentType, ContextType>;
  withdrawn?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RightsRequestPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RightsRequestPayload'] = ResolversParentTypes['RightsRequestPayload']> = {
  request?: Resolver<Maybe<ResolversTypes['RightsRequest']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type RightsRequestQueueResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RightsRequestQueue'] = ResolversParentTypes['RightsRequestQueue']> = {
  dueSoonCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  openCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  overdueCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  requests?: Resolver<ResolversTypes['RightsRequestConnection'], ParentType, ContextType>;
};

export type RightsRequestTypeOptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RightsRequestTypeOption'] = ResolversParentTypes['RightsRequestTypeOption']> = {
  asksForCategories?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  asksForPurposes?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  conditions?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  detailsLabel?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requiresDetails?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['RightsRequestType'], ParentType, ContextType>;
};

export type SessionReauthenticatePayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SessionReauthenticatePayload'] = ResolversParentTypes['SessionReauthenticatePayload']> = {
  authenticatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ShopResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Shop'] = ResolversParentTypes['Shop']> = {
  branding?: Resolver<ResolversTypes['ShopBranding'], ParentType, ContextType>;
  handle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  policy?: Resolver<ResolversTypes['ShopPolicy'], ParentType, ContextType>;
  requestMetrics?: Resolver<Maybe<ResolversTypes['RightsRequestMetrics']>, ParentType, ContextType, RequireFields<ShopRequestMetricsArgs, 'year'>>;
  signInProviders?: Resolver<Array<ResolversTypes['SignInProvider']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ShopBrandingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ShopBranding'] = ResolversParentTypes['ShopBranding']> = {
  accentColor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  primaryColor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tagline?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ShopFeaturesResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ShopFeatures'] = ResolversParentTypes['ShopFeatures']> = {
  guestCheckout?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  invitationChannels?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  invitationRetentionDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  invitationsPerDay?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nationalIdLabel?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  socialProviders?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ShopPolicyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ShopPolicy'] = ResolversParentTypes['ShopPolicy']> = {
  consentPurposes?: Resolver<Array<ResolversTypes['ConsentPurpose']>, ParentType, ContextType>;
  controllers?: Resolver<Array<ResolversTypes['Controller']>, ParentType, ContextType>;
  cookieCategories?: Resolver<Array<ResolversTypes['CookieCategory']>, ParentType, ContextType>;
  dataCategories?: Resolver<Array<ResolversTypes['PolicyDataCategory']>, ParentType, ContextType>;
  deletion?: Resolver<ResolversTypes['DeletionTerms'], ParentType, ContextType>;
  dpo?: Resolver<Maybe<ResolversTypes['ContactPoint']>, ParentType, ContextType>;
  features?: Resolver<ResolversTypes['ShopFeatures'], ParentType, ContextType>;
  honoursGlobalPrivacyControl?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  marketing?: Resolver<ResolversTypes['MarketingOptions'], ParentType, ContextType>;
  purposes?: Resolver<Array<ResolversTypes['ProcessingPurpose']>, ParentType, ContextType>;
  recipients?: Resolver<Array<ResolversTypes['Recipient']>, ParentType, ContextType>;
  regime?: Resolver<ResolversTypes['LegalRegime'], ParentType, ContextType>;
  requests?: Resolver<ResolversTypes['RequestHandling'], ParentType, ContextType>;
  retention?: Resolver<Array<ResolversTypes['RetentionRule']>, ParentType, ContextType>;
  rights?: Resolver<Array<ResolversTypes['Right']>, ParentType, ContextType>;
  statements?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  supervisoryAuthority?: Resolver<ResolversTypes['SupervisoryAuthority'], ParentType, ContextType>;
  transfers?: Resolver<ResolversTypes['Transfers'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SignInProviderResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SignInProvider'] = ResolversParentTypes['SignInProvider']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['SocialProvider'], ParentType, ContextType>;
  providerId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SupervisoryAuthorityResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SupervisoryAuthority'] = ResolversParentTypes['SupervisoryAuthority']> = {
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  country?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  howToComplain?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  website?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type SupportAccessResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SupportAccess'] = ResolversParentTypes['SupportAccess']> = {
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  grantedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  isAllowed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  isPermissionRequired?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type SupportAccessPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SupportAccessPayload'] = ResolversParentTypes['SupportAccessPayload']> = {
  supportAccess?: Resolver<Maybe<ResolversTypes['SupportAccess']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type SupportCustomerResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SupportCustomer'] = ResolversParentTypes['SupportCustomer']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastSignInAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  openDeletionRequests?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CustomerStatus'], ParentType, ContextType>;
  supportAccess?: Resolver<ResolversTypes['SupportAccess'], ParentType, ContextType>;
};

export type SupportCustomerConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SupportCustomerConnection'] = ResolversParentTypes['SupportCustomerConnection']> = {
  edges?: Resolver<Array<ResolversTypes['SupportCustomerEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  searchKind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SupportCustomerEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SupportCustomerEdge'] = ResolversParentTypes['SupportCustomerEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['SupportCustomer'], ParentType, ContextType>;
};

export type SupportSessionLogResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SupportSessionLog'] = ResolversParentTypes['SupportSessionLog']> = {
  agentName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  endReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  endedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  steps?: Resolver<Array<ResolversTypes['SupportSessionStep']>, ParentType, ContextType>;
  ticket?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SupportSessionStepResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SupportSessionStep'] = ResolversParentTypes['SupportSessionStep']> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  subject?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type TransfersResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Transfers'] = ResolversParentTypes['Transfers']> = {
  isOutsideEEA?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  safeguards?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  statement?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type UserErrorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = {
  code?: Resolver<ResolversTypes['UserErrorCode'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ViewerResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Viewer'] = ResolversParentTypes['Viewer']> = {
  agent?: Resolver<Maybe<ResolversTypes['Agent']>, ParentType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  hasGlobalPrivacyControl?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  impersonation?: Resolver<Maybe<ResolversTypes['Impersonation']>, ParentType, ContextType>;
  isSignedIn?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  partner?: Resolver<Maybe<ResolversTypes['Partner']>, ParentType, ContextType>;
  shop?: Resolver<Maybe<ResolversTypes['Shop']>, ParentType, ContextType>;
};

export type WarrantyCertificateResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WarrantyCertificate'] = ResolversParentTypes['WarrantyCertificate']> = {
  downloadUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  holderName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issuedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orderNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  productName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  serialNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  validUntil?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type WarrantyCertificateConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WarrantyCertificateConnection'] = ResolversParentTypes['WarrantyCertificateConnection']> = {
  edges?: Resolver<Array<ResolversTypes['WarrantyCertificateEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type WarrantyCertificateEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WarrantyCertificateEdge'] = ResolversParentTypes['WarrantyCertificateEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['WarrantyCertificate'], ParentType, ContextType>;
};

export type WebhookAttemptResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WebhookAttempt'] = ResolversParentTypes['WebhookAttempt']> = {
  attemptedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  latencyMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  responseExcerpt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  statusCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type WebhookDeliveriesReplayPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WebhookDeliveriesReplayPayload'] = ResolversParentTypes['WebhookDeliveriesReplayPayload']> = {
  replayedCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  webhookEndpoint?: Resolver<Maybe<ResolversTypes['WebhookEndpoint']>, ParentType, ContextType>;
};

export type WebhookDeliveryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WebhookDelivery'] = ResolversParentTypes['WebhookDelivery']> = {
  attemptCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  attempts?: Resolver<Array<ResolversTypes['WebhookAttempt']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  eventId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  eventType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  nextAttemptAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  payload?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['WebhookDeliveryStatus'], ParentType, ContextType>;
};

export type WebhookDeliveryConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WebhookDeliveryConnection'] = ResolversParentTypes['WebhookDeliveryConnection']> = {
  edges?: Resolver<Array<ResolversTypes['WebhookDeliveryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type WebhookDeliveryEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WebhookDeliveryEdge'] = ResolversParentTypes['WebhookDeliveryEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['WebhookDelivery'], ParentType, ContextType>;
};

export type WebhookDeliveryReplayPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WebhookDeliveryReplayPayload'] = ResolversParentTypes['WebhookDeliveryReplayPayload']> = {
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  webhookDelivery?: Resolver<Maybe<ResolversTypes['WebhookDelivery']>, ParentType, ContextType>;
};

export type WebhookEndpointResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WebhookEndpoint'] = ResolversParentTypes['WebhookEndpoint']> = {
  apiKeyId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deliveries?: Resolver<ResolversTypes['WebhookDeliveryConnection'], ParentType, ContextType, RequireFields<WebhookEndpointDeliveriesArgs, 'first'>>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  disabledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  disabledReason?: Resolver<Maybe<ResolversTypes['WebhookEndpointDisabledReason']>, ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  failingSince?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isEnabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  previousSecretExpiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type WebhookEndpointCreatePayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WebhookEndpointCreatePayload'] = ResolversParentTypes['WebhookEndpointCreatePayload']> = {
  secret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  webhookEndpoint?: Resolver<Maybe<ResolversTypes['WebhookEndpoint']>, ParentType, ContextType>;
};

export type WebhookEndpointDeletePayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WebhookEndpointDeletePayload'] = ResolversParentTypes['WebhookEndpointDeletePayload']> = {
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  webhookEndpoint?: Resolver<Maybe<ResolversTypes['WebhookEndpoint']>, ParentType, ContextType>;
};

export type WebhookEndpointRotateSecretPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WebhookEndpointRotateSecretPayload'] = ResolversParentTypes['WebhookEndpointRotateSecretPayload']> = {
  secret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  webhookEndpoint?: Resolver<Maybe<ResolversTypes['WebhookEndpoint']>, ParentType, ContextType>;
};

export type WebhookEndpointUpdatePayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WebhookEndpointUpdatePayload'] = ResolversParentTypes['WebhookEndpointUpdatePayload']> = {
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  webhookEndpoint?: Resolver<Maybe<ResolversTypes['WebhookEndpoint']>, ParentType, ContextType>;
};

export type WebhookEventTypeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WebhookEventType'] = ResolversParentTypes['WebhookEventType']> = {
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requiredScope?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  AccessLogEntry?: AccessLogEntryResolvers<ContextType>;
  AccessLogEntryConnection?: AccessLogEntryConnectionResolvers<ContextType>;
  AccessLogEntryEdge?: AccessLogEntryEdgeResolvers<ContextType>;
  AccountDeletionCancelPayload?: AccountDeletionCancelPayloadResolvers<ContextType>;
  AccountDeletionConfirmPayload?: AccountDeletionConfirmPayloadResolvers<ContextType>;
  AccountDeletionRequestPayload?: AccountDeletionRequestPayloadResolvers<ContextType>;
  Address?: AddressResolvers<ContextType>;
  AddressDeletePayload?: AddressDeletePayloadResolvers<ContextType>;
  AddressPayload?: AddressPayloadResolvers<ContextType>;
  Agent?: AgentResolvers<ContextType>;
  ApiKey?: ApiKeyResolvers<ContextType>;
  ApiKeyCreatePayload?: ApiKeyCreatePayloadResolvers<ContextType>;
  ApiKeyRevokePayload?: ApiKeyRevokePayloadResolvers<ContextType>;
  ApiKeyRotatePayload?: ApiKeyRotatePayloadResolvers<ContextType>;
  ApiKeySecretInfo?: ApiKeySecretInfoResolvers<ContextType>;
  ApiScopeInfo?: ApiScopeInfoResolvers<ContextType>;
  AuditEvent?: AuditEventResolvers<ContextType>;
  AuditEventConnection?: AuditEventConnectionResolvers<ContextType>;
  AuditEventEdge?: AuditEventEdgeResolvers<ContextType>;
  ConnectedAccount?: ConnectedAccountResolvers<ContextType>;
  ConnectedAccountPayload?: ConnectedAccountPayloadResolvers<ContextType>;
  ConnectedAccounts?: ConnectedAccountsResolvers<ContextType>;
  ConsentApplyGlobalPrivacyControlPayload?: ConsentApplyGlobalPrivacyControlPayloadResolvers<ContextType>;
  ConsentConfirmPayload?: ConsentConfirmPayloadResolvers<ContextType>;
  ConsentConfirmationLink?: ConsentConfirmationLinkResolvers<ContextType>;
  ConsentPurpose?: ConsentPurposeResolvers<ContextType>;
  ConsentRecord?: ConsentRecordResolvers<ContextType>;
  ConsentRecordConnection?: ConsentRecordConnectionResolvers<ContextType>;
  ConsentRecordEdge?: ConsentRecordEdgeResolvers<ContextType>;
  ConsentUnsubscribeLink?: ConsentUnsubscribeLinkResolvers<ContextType>;
  ConsentUnsubscribePayload?: ConsentUnsubscribePayloadResolvers<ContextType>;
  ConsentUpdatePayload?: ConsentUpdatePayloadResolvers<ContextType>;
  ContactPoint?: ContactPointResolvers<ContextType>;
  Controller?: ControllerResolvers<ContextType>;
  CookieCategory?: CookieCategoryResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  CustomerConsent?: CustomerConsentResolvers<ContextType>;
  CustomerEmailChangeConfirmPayload?: CustomerEmailChangeConfirmPayloadResolvers<ContextType>;
  CustomerEmailChangeRequestPayload?: CustomerEmailChangeRequestPayloadResolvers<ContextType>;
  CustomerPasswordSetPayload?: CustomerPasswordSetPayloadResolvers<ContextType>;
  CustomerRightsRequests?: CustomerRightsRequestsResolvers<ContextType>;
  CustomerSignUpPayload?: CustomerSignUpPayloadResolvers<ContextType>;
  CustomerUpdatePayload?: CustomerUpdatePayloadResolvers<ContextType>;
  DataCategory?: DataCategoryResolvers<ContextType>;
  DataField?: DataFieldResolvers<ContextType>;
  DataRecord?: DataRecordResolvers<ContextType>;
  DataRecordConnection?: DataRecordConnectionResolvers<ContextType>;
  DataRecordEdge?: DataRecordEdgeResolvers<ContextType>;
  DataRevealPayload?: DataRevealPayloadResolvers<ContextType>;
  DataSet?: DataSetResolvers<ContextType>;
  DataValue?: DataValueResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  DeletionPlan?: DeletionPlanResolvers<ContextType>;
  DeletionPlanEntry?: DeletionPlanEntryResolvers<ContextType>;
  DeletionRequest?: DeletionRequestResolvers<ContextType>;
  DeletionTerms?: DeletionTermsResolvers<ContextType>;
  Duration?: DurationResolvers<ContextType>;
  Export?: ExportResolvers<ContextType>;
  ExportConnection?: ExportConnectionResolvers<ContextType>;
  ExportCreatePayload?: ExportCreatePayloadResolvers<ContextType>;
  ExportDownload?: ExportDownloadResolvers<ContextType>;
  ExportEdge?: ExportEdgeResolvers<ContextType>;
  Impersonation?: ImpersonationResolvers<ContextType>;
  ImpersonationPayload?: ImpersonationPayloadResolvers<ContextType>;
  Invitation?: InvitationResolvers<ContextType>;
  InvitationConnection?: InvitationConnectionResolvers<ContextType>;
  InvitationEdge?: InvitationEdgeResolvers<ContextType>;
  InvitationLink?: InvitationLinkResolvers<ContextType>;
  InvitationObjectionPayload?: InvitationObjectionPayloadResolvers<ContextType>;
  InvitationPayload?: InvitationPayloadResolvers<ContextType>;
  InvitationsEraseFriendDetailsPayload?: InvitationsEraseFriendDetailsPayloadResolvers<ContextType>;
  Invoice?: InvoiceResolvers<ContextType>;
  InvoiceConnection?: InvoiceConnectionResolvers<ContextType>;
  InvoiceEdge?: InvoiceEdgeResolvers<ContextType>;
  LegalRegime?: LegalRegimeResolvers<ContextType>;
  MarketingChannel?: MarketingChannelResolvers<ContextType>;
  MarketingOptions?: MarketingOptionsResolvers<ContextType>;
  MarketingTopic?: MarketingTopicResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  OrderConnection?: OrderConnectionResolvers<ContextType>;
  OrderEdge?: OrderEdgeResolvers<ContextType>;
  OrderItem?: OrderItemResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Partner?: PartnerResolvers<ContextType>;
  PendingEmailChange?: PendingEmailChangeResolvers<ContextType>;
  Phone?: PhoneResolvers<ContextType>;
  PolicyDataCategory?: PolicyDataCategoryResolvers<ContextType>;
  ProcessingPurpose?: ProcessingPurposeResolvers<ContextType>;
  ProvidedValue?: ProvidedValueResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Recipient?: RecipientResolvers<ContextType>;
  RequestDueDates?: RequestDueDatesResolvers<ContextType>;
  RequestHandling?: RequestHandlingResolvers<ContextType>;
  RetentionInfo?: RetentionInfoResolvers<ContextType>;
  RetentionRule?: RetentionRuleResolvers<ContextType>;
  Right?: RightResolvers<ContextType>;
  RightsRequest?: RightsRequestResolvers<ContextType>;
  RightsRequestChoice?: RightsRequestChoiceResolvers<ContextType>;
  RightsRequestConnection?: RightsRequestConnectionResolvers<ContextType>;
  RightsRequestCustomer?: RightsRequestCustomerResolvers<ContextType>;
  RightsRequestEdge?: RightsRequestEdgeResolvers<ContextType>;
  RightsRequestEvent?: RightsRequestEventResolvers<ContextType>;
  RightsRequestMetrics?: RightsRequestMetricsResolvers<ContextType>;
  RightsRequestMetricsRow?: RightsRequestMetricsRowResolvers<ContextType>;
  RightsRequestPayload?: RightsRequestPayloadResolvers<ContextType>;
  RightsRequestQueue?: RightsRequestQueueResolvers<ContextType>;
  RightsRequestTypeOption?: RightsRequestTypeOptionResolvers<ContextType>;
  SessionReauthenticatePayload?: SessionReauthenticatePayloadResolvers<ContextType>;
  Shop?: ShopResolvers<ContextType>;
  ShopBranding?: ShopBrandingResolvers<ContextType>;
  ShopFeatures?: ShopFeaturesResolvers<ContextType>;
  ShopPolicy?: ShopPolicyResolvers<ContextType>;
  SignInProvider?: SignInProviderResolvers<ContextType>;
  SupervisoryAuthority?: SupervisoryAuthorityResolvers<ContextType>;
  SupportAccess?: SupportAccessResolvers<ContextType>;
  SupportAccessPayload?: SupportAccessPayloadResolvers<ContextType>;
  SupportCustomer?: SupportCustomerResolvers<ContextType>;
  SupportCustomerConnection?: SupportCustomerConnectionResolvers<ContextType>;
  SupportCustomerEdge?: SupportCustomerEdgeResolvers<ContextType>;
  SupportSessionLog?: SupportSessionLogResolvers<ContextType>;
  SupportSessionStep?: SupportSessionStepResolvers<ContextType>;
  Transfers?: TransfersResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
  Viewer?: ViewerResolvers<ContextType>;
  WarrantyCertificate?: WarrantyCertificateResolvers<ContextType>;
  WarrantyCertificateConnection?: WarrantyCertificateConnectionResolvers<ContextType>;
  WarrantyCertificateEdge?: WarrantyCertificateEdgeResolvers<ContextType>;
  WebhookAttempt?: WebhookAttemptResolvers<ContextType>;
  WebhookDeliveriesReplayPayload?: WebhookDeliveriesReplayPayloadResolvers<ContextType>;
  WebhookDelivery?: WebhookDeliveryResolvers<ContextType>;
  WebhookDeliveryConnection?: WebhookDeliveryConnectionResolvers<ContextType>;
  WebhookDeliveryEdge?: WebhookDeliveryEdgeResolvers<ContextType>;
  WebhookDeliveryReplayPayload?: WebhookDeliveryReplayPayloadResolvers<ContextType>;
  WebhookEndpoint?: WebhookEndpointResolvers<ContextType>;
  WebhookEndpointCreatePayload?: WebhookEndpointCreatePayloadResolvers<ContextType>;
  WebhookEndpointDeletePayload?: WebhookEndpointDeletePayloadResolvers<ContextType>;
  WebhookEndpointRotateSecretPayload?: WebhookEndpointRotateSecretPayloadResolvers<ContextType>;
  WebhookEndpointUpdatePayload?: WebhookEndpointUpdatePayloadResolvers<ContextType>;
  WebhookEventType?: WebhookEventTypeResolvers<ContextType>;
};

