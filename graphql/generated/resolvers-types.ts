import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CustomerParent, ShopParent, ViewerParent, ShopPolicyParent } from '../mappers';
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
  /** Nickname shown instead of the name where the shop uses one. */
  alias?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** The name to greet the customer with: the alias when there is one. */
  displayName: Scalars['String']['output'];
  email: Scalars['String']['output'];
  firstName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  lastName: Scalars['String']['output'];
  /** Whether the account is scheduled for deletion. */
  status: CustomerStatus;
};

export type CustomerSignUpInput = {
  email: Scalars['String']['input'];
  firstName: Scalars['String']['input'];
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

export type DataSource =
  /** Collected automatically. */
  | 'AUTOMATIC'
  /** Given by the customer. */
  | 'GIVEN'
  /** From a partner or enrichment service. */
  | 'PARTNER'
  /** From a social sign-in provider. */
  | 'PROVIDER';

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
  /** e.g. "5 years" or "1 month". */
  text: Scalars['String']['output'];
  years: Scalars['Int']['output'];
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

export type Mutation = {
  __typename?: 'Mutation';
  /** @deprecated Placeholder so domains can extend Mutation. */
  _empty?: Maybe<Scalars['Boolean']['output']>;
  /** Opens a customer account in a shop. Sign in afterwards with the same email and password. */
  customerSignUp: CustomerSignUpPayload;
};


export type MutationCustomerSignUpArgs = {
  input: CustomerSignUpInput;
};

/** An object with an opaque, globally unique ID (Relay). */
export type Node = {
  id: Scalars['ID']['output'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

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

export type Query = {
  __typename?: 'Query';
  /** Fetches any object the viewer may see by its global ID. */
  node?: Maybe<Node>;
  /** A shop's public privacy profile; null when no shop has this handle. */
  shop?: Maybe<Shop>;
  /** Every shop served here, with its public privacy profile. */
  shops: Array<Shop>;
  /** Who is asking: the signed-in customer and their shop, or nobody. */
  viewer: Viewer;
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryShopArgs = {
  handle: Scalars['String']['input'];
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

export type RequestHandling = {
  __typename?: 'RequestHandling';
  authorisedAgentRequirement?: Maybe<Scalars['String']['output']>;
  authorisedAgentsAllowed: Scalars['Boolean']['output'];
  extension?: Maybe<Duration>;
  extensionCondition?: Maybe<Scalars['String']['output']>;
  publishesMetrics: Scalars['Boolean']['output'];
  responseDeadline: Duration;
  verification: Scalars['String']['output'];
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

/** A shop (tenant) and the privacy promises of its policy. */
export type Shop = Node & {
  __typename?: 'Shop';
  branding: ShopBranding;
  handle: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  policy: ShopPolicy;
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
  nationalIdLabel?: Maybe<Scalars['String']['output']>;
  socialProviders: Array<Scalars['String']['output']>;
};

/** The shop's privacy policy as structured data, from its validated profile. */
export type ShopPolicy = {
  __typename?: 'ShopPolicy';
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

/** The party making the request. Customers see their own data in their own shop only. */
export type Viewer = {
  __typename?: 'Viewer';
  /** The signed-in customer; null when signed out. */
  customer?: Maybe<Customer>;
  isSignedIn: Scalars['Boolean']['output'];
  /** The shop of the signed-in customer; null when signed out. */
  shop?: Maybe<Shop>;
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
    | ( CustomerParent )
    | ( ShopParent )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ContactPoint: ResolverTypeWrapper<ContactPoint>;
  Controller: ResolverTypeWrapper<Controller>;
  CookieCategory: ResolverTypeWrapper<CookieCategory>;
  Customer: ResolverTypeWrapper<CustomerParent>;
  CustomerSignUpInput: CustomerSignUpInput;
  CustomerSignUpPayload: ResolverTypeWrapper<Omit<CustomerSignUpPayload, 'customer'> & { customer?: Maybe<ResolversTypes['Customer']> }>;
  CustomerStatus: CustomerStatus;
  DataSource: DataSource;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeletionTerms: ResolverTypeWrapper<DeletionTerms>;
  Duration: ResolverTypeWrapper<Duration>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  LegalBasis: LegalBasis;
  LegalRegime: ResolverTypeWrapper<LegalRegime>;
  MarketingChannel: ResolverTypeWrapper<MarketingChannel>;
  MarketingOptions: ResolverTypeWrapper<MarketingOptions>;
  MarketingTopic: ResolverTypeWrapper<MarketingTopic>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PolicyDataCategory: ResolverTypeWrapper<PolicyDataCategory>;
  ProcessingPurpose: ResolverTypeWrapper<ProcessingPurpose>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Recipient: ResolverTypeWrapper<Recipient>;
  RequestHandling: ResolverTypeWrapper<RequestHandling>;
  RetentionRule: ResolverTypeWrapper<RetentionRule>;
  Right: ResolverTypeWrapper<Right>;
  Shop: ResolverTypeWrapper<ShopParent>;
  ShopBranding: ResolverTypeWrapper<ShopBranding>;
  ShopFeatures: ResolverTypeWrapper<ShopFeatures>;
  ShopPolicy: ResolverTypeWrapper<ShopPolicyParent>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  SupervisoryAuthority: ResolverTypeWrapper<SupervisoryAuthority>;
  Transfers: ResolverTypeWrapper<Transfers>;
  UserError: ResolverTypeWrapper<UserError>;
  UserErrorCode: UserErrorCode;
  Viewer: ResolverTypeWrapper<ViewerParent>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Boolean: Scalars['Boolean']['output'];
  ContactPoint: ContactPoint;
  Controller: Controller;
  CookieCategory: CookieCategory;
  Customer: CustomerParent;
  CustomerSignUpInput: CustomerSignUpInput;
  CustomerSignUpPayload: Omit<CustomerSignUpPayload, 'customer'> & { customer?: Maybe<ResolversParentTypes['Customer']> };
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  DeletionTerms: DeletionTerms;
  Duration: Duration;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  LegalRegime: LegalRegime;
  MarketingChannel: MarketingChannel;
  MarketingOptions: MarketingOptions;
  MarketingTopic: MarketingTopic;
  Mutation: Record<PropertyKey, never>;
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  PageInfo: PageInfo;
  PolicyDataCategory: PolicyDataCategory;
  ProcessingPurpose: ProcessingPurpose;
  Query: Record<PropertyKey, never>;
  Recipient: Recipient;
  RequestHandling: RequestHandling;
  RetentionRule: RetentionRule;
  Right: Right;
  Shop: ShopParent;
  ShopBranding: ShopBranding;
  ShopFeatures: ShopFeatures;
  ShopPolicy: ShopPolicyParent;
  String: Scalars['String']['output'];
  SupervisoryAuthority: SupervisoryAuthority;
  Transfers: Transfers;
  UserError: UserError;
  Viewer: ViewerParent;
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
  alias?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  firstName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CustomerStatus'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CustomerSignUpPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CustomerSignUpPayload'] = ResolversParentTypes['CustomerSignUpPayload']> = {
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeletionTermsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DeletionTerms'] = ResolversParentTypes['DeletionTerms']> = {
  canReRegister?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  gracePeriodDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  warning?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DurationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Duration'] = ResolversParentTypes['Duration']> = {
  days?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  months?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  years?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
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

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  _empty?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  customerSignUp?: Resolver<ResolversTypes['CustomerSignUpPayload'], ParentType, ContextType, RequireFields<MutationCustomerSignUpArgs, 'input'>>;
};

export type NodeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = {
  __resolveType: TypeResolveFn<'Customer' | 'Shop', ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
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

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  shop?: Resolver<Maybe<ResolversTypes['Shop']>, ParentType, ContextType, RequireFields<QueryShopArgs, 'handle'>>;
  shops?: Resolver<Array<ResolversTypes['Shop']>, ParentType, ContextType>;
  viewer?: Resolver<ResolversTypes['Viewer'], ParentType, ContextType>;
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

export type RequestHandlingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RequestHandling'] = ResolversParentTypes['RequestHandling']> = {
  authorisedAgentRequirement?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  authorisedAgentsAllowed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  extension?: Resolver<Maybe<ResolversTypes['Duration']>, ParentType, ContextType>;
  extensionCondition?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  publishesMetrics?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  responseDeadline?: Resolver<ResolversTypes['Duration'], ParentType, ContextType>;
  verification?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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

export type ShopResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Shop'] = ResolversParentTypes['Shop']> = {
  branding?: Resolver<ResolversTypes['ShopBranding'], ParentType, ContextType>;
  handle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  policy?: Resolver<ResolversTypes['ShopPolicy'], ParentType, ContextType>;
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
  nationalIdLabel?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  socialProviders?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ShopPolicyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ShopPolicy'] = ResolversParentTypes['ShopPolicy']> = {
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

export type SupervisoryAuthorityResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SupervisoryAuthority'] = ResolversParentTypes['SupervisoryAuthority']> = {
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  country?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  howToComplain?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  website?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
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
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  isSignedIn?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  shop?: Resolver<Maybe<ResolversTypes['Shop']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  ContactPoint?: ContactPointResolvers<ContextType>;
  Controller?: ControllerResolvers<ContextType>;
  CookieCategory?: CookieCategoryResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  CustomerSignUpPayload?: CustomerSignUpPayloadResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  DeletionTerms?: DeletionTermsResolvers<ContextType>;
  Duration?: DurationResolvers<ContextType>;
  LegalRegime?: LegalRegimeResolvers<ContextType>;
  MarketingChannel?: MarketingChannelResolvers<ContextType>;
  MarketingOptions?: MarketingOptionsResolvers<ContextType>;
  MarketingTopic?: MarketingTopicResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PolicyDataCategory?: PolicyDataCategoryResolvers<ContextType>;
  ProcessingPurpose?: ProcessingPurposeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Recipient?: RecipientResolvers<ContextType>;
  RequestHandling?: RequestHandlingResolvers<ContextType>;
  RetentionRule?: RetentionRuleResolvers<ContextType>;
  Right?: RightResolvers<ContextType>;
  Shop?: ShopResolvers<ContextType>;
  ShopBranding?: ShopBrandingResolvers<ContextType>;
  ShopFeatures?: ShopFeaturesResolvers<ContextType>;
  ShopPolicy?: ShopPolicyResolvers<ContextType>;
  SupervisoryAuthority?: SupervisoryAuthorityResolvers<ContextType>;
  Transfers?: TransfersResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
  Viewer?: ViewerResolvers<ContextType>;
};

