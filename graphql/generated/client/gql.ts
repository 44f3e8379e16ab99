/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query PrivacySection {\n    viewer {\n      shop {\n        name\n        policy {\n          rights { key label description conditions }\n          controllers { name email address }\n          dpo { email address }\n          marketing { unsubscribeHint channels { label } topics { label } }\n          cookieCategories { key label description isRequired }\n          deletion { warning gracePeriodDays canReRegister }\n          retention { key label text keepOnErasure }\n        }\n      }\n    }\n  }\n": typeof types.PrivacySectionDocument,
    "\n  query AccountGate($handle: String!) {\n    shop(handle: $handle) { handle }\n    viewer { isSignedIn shop { handle } }\n  }\n": typeof types.AccountGateDocument,
    "\n  query PrivacyOverview {\n    viewer {\n      customer { displayName email createdAt status }\n      shop {\n        handle\n        name\n        policy {\n          dataCategories { key label description sources }\n          rights { key label description }\n          requests { responseDeadline { text } extension { text } }\n          controllers { name address email }\n          dpo { name email phone address note }\n          supervisoryAuthority { name website howToComplain }\n        }\n      }\n    }\n  }\n": typeof types.PrivacyOverviewDocument,
    "\n  query ShopLayout($handle: String!) {\n    shop(handle: $handle) {\n      handle\n      name\n      branding { primaryColor accentColor tagline }\n    }\n    viewer {\n      isSignedIn\n      shop { handle }\n      customer { displayName }\n    }\n  }\n": typeof types.ShopLayoutDocument,
    "\n  query PublicPolicy($handle: String!) {\n    shop(handle: $handle) {\n      name\n      policy {\n        version\n        updatedAt\n        regime { name law }\n        controllers { name role address country registration taxId email phone }\n        dpo { name email phone address note }\n        supervisoryAuthority { name address email phone website howToComplain }\n        dataCategories { key label description }\n        purposes { key label description legalBasis legalBasisDetail }\n        recipients { key name kind location isOutsideEEA }\n        transfers { statement safeguards }\n        retention { key label text basis }\n        rights { key label description conditions }\n        requests {\n          responseDeadline { text }\n          extension { text }\n          extensionCondition\n          verification\n          authorisedAgentsAllowed\n          authorisedAgentRequirement\n        }\n        statements\n      }\n    }\n  }\n": typeof types.PublicPolicyDocument,
    "\n  query SignInPage($handle: String!) {\n    shop(handle: $handle) { handle name }\n    viewer { isSignedIn shop { handle } }\n  }\n": typeof types.SignInPageDocument,
    "\n  mutation SignUp($input: CustomerSignUpInput!) {\n    customerSignUp(input: $input) {\n      customer { id }\n      userErrors { field code message }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  query SignUpPage($handle: String!) {\n    shop(handle: $handle) { handle name }\n    viewer { isSignedIn shop { handle } }\n  }\n": typeof types.SignUpPageDocument,
    "\n  query Landing {\n    shops {\n      id\n      handle\n      name\n      branding { primaryColor accentColor tagline }\n      policy {\n        regime { name }\n        controllers { name country }\n        rights { key }\n      }\n    }\n  }\n": typeof types.LandingDocument,
};
const documents: Documents = {
    "\n  query PrivacySection {\n    viewer {\n      shop {\n        name\n        policy {\n          rights { key label description conditions }\n          controllers { name email address }\n          dpo { email address }\n          marketing { unsubscribeHint channels { label } topics { label } }\n          cookieCategories { key label description isRequired }\n          deletion { warning gracePeriodDays canReRegister }\n          retention { key label text keepOnErasure }\n        }\n      }\n    }\n  }\n": types.PrivacySectionDocument,
    "\n  query AccountGate($handle: String!) {\n    shop(handle: $handle) { handle }\n    viewer { isSignedIn shop { handle } }\n  }\n": types.AccountGateDocument,
    "\n  query PrivacyOverview {\n    viewer {\n      customer { displayName email createdAt status }\n      shop {\n        handle\n        name\n        policy {\n          dataCategories { key label description sources }\n          rights { key label description }\n          requests { responseDeadline { text } extension { text } }\n          controllers { name address email }\n          dpo { name email phone address note }\n          supervisoryAuthority { name website howToComplain }\n        }\n      }\n    }\n  }\n": types.PrivacyOverviewDocument,
    "\n  query ShopLayout($handle: String!) {\n    shop(handle: $handle) {\n      handle\n      name\n      branding { primaryColor accentColor tagline }\n    }\n    viewer {\n      isSignedIn\n      shop { handle }\n      customer { displayName }\n    }\n  }\n": types.ShopLayoutDocument,
    "\n  query PublicPolicy($handle: String!) {\n    shop(handle: $handle) {\n      name\n      policy {\n        version\n        updatedAt\n        regime { name law }\n        controllers { name role address country registration taxId email phone }\n        dpo { name email phone address note }\n        supervisoryAuthority { name address email phone website howToComplain }\n        dataCategories { key label description }\n        purposes { key label description legalBasis legalBasisDetail }\n        recipients { key name kind location isOutsideEEA }\n        transfers { statement safeguards }\n        retention { key label text basis }\n        rights { key label description conditions }\n        requests {\n          responseDeadline { text }\n          extension { text }\n          extensionCondition\n          verification\n          authorisedAgentsAllowed\n          authorisedAgentRequirement\n        }\n        statements\n      }\n    }\n  }\n": types.PublicPolicyDocument,
    "\n  query SignInPage($handle: String!) {\n    shop(handle: $handle) { handle name }\n    viewer { isSignedIn shop { handle } }\n  }\n": types.SignInPageDocument,
    "\n  mutation SignUp($input: CustomerSignUpInput!) {\n    customerSignUp(input: $input) {\n      customer { id }\n      userErrors { field code message }\n    }\n  }\n": types.SignUpDocument,
    "\n  query SignUpPage($handle: String!) {\n    shop(handle: $handle) { handle name }\n    viewer { isSignedIn shop { handle } }\n  }\n": types.SignUpPageDocument,
    "\n  query Landing {\n    shops {\n      id\n      handle\n      name\n      branding { primaryColor accentColor tagline }\n      policy {\n        regime { name }\n        controllers { name country }\n        rights { key }\n      }\n    }\n  }\n": types.LandingDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PrivacySection {\n    viewer {\n      shop {\n        name\n        policy {\n          rights { key label description conditions }\n          controllers { name email address }\n          dpo { email address }\n          marketing { unsubscribeHint channels { label } topics { label } }\n          cookieCategories { key label description isRequired }\n          deletion { warning gracePeriodDays canReRegister }\n          retention { key label text keepOnErasure }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PrivacySection {\n    viewer {\n      shop {\n        name\n        policy {\n          rights { key label description conditions }\n          controllers { name email address }\n          dpo { email address }\n          marketing { unsubscribeHint channels { label } topics { label } }\n          cookieCategories { key label description isRequired }\n          deletion { warning gracePeriodDays canReRegister }\n          retention { key label text keepOnErasure }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountGate($handle: String!) {\n    shop(handle: $handle) { handle }\n    viewer { isSignedIn shop { handle } }\n  }\n"): (typeof documents)["\n  query AccountGate($handle: String!) {\n    shop(handle: $handle) { handle }\n    viewer { isSignedIn shop { handle } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PrivacyOverview {\n    viewer {\n      customer { displayName email createdAt status }\n      shop {\n        handle\n        name\n        policy {\n          dataCategories { key label description sources }\n          rights { key label description }\n          requests { responseDeadline { text } extension { text } }\n          controllers { name address email }\n          dpo { name email phone address note }\n          supervisoryAuthority { name website howToComplain }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PrivacyOverview {\n    viewer {\n      customer { displayName email createdAt status }\n      shop {\n        handle\n        name\n        policy {\n          dataCategories { key label description sources }\n          rights { key label description }\n          requests { responseDeadline { text } extension { text } }\n          controllers { name address email }\n          dpo { name email phone address note }\n          supervisoryAuthority { name website howToComplain }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShopLayout($handle: String!) {\n    shop(handle: $handle) {\n      handle\n      name\n      branding { primaryColor accentColor tagline }\n    }\n    viewer {\n      isSignedIn\n      shop { handle }\n      customer { displayName }\n    }\n  }\n"): (typeof documents)["\n  query ShopLayout($handle: String!) {\n    shop(handle: $handle) {\n      handle\n      name\n      branding { primaryColor accentColor tagline }\n    }\n    viewer {\n      isSignedIn\n      shop { handle }\n      customer { displayName }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicPolicy($handle: String!) {\n    shop(handle: $handle) {\n      name\n      policy {\n        version\n        updatedAt\n        regime { name law }\n        controllers { name role address country registration taxId email phone }\n        dpo { name email phone address note }\n        supervisoryAuthority { name address email phone website howToComplain }\n        dataCategories { key label description }\n        purposes { key label description legalBasis legalBasisDetail }\n        recipients { key name kind location isOutsideEEA }\n        transfers { statement safeguards }\n        retention { key label text basis }\n        rights { key label description conditions }\n        requests {\n          responseDeadline { text }\n          extension { text }\n          extensionCondition\n          verification\n          authorisedAgentsAllowed\n          authorisedAgentRequirement\n        }\n        statements\n      }\n    }\n  }\n"): (typeof documents)["\n  query PublicPolicy($handle: String!) {\n    shop(handle: $handle) {\n      name\n      policy {\n        version\n        updatedAt\n        regime { name law }\n        controllers { name role address country registration taxId email phone }\n        dpo { name email phone address note }\n        supervisoryAuthority { name address email phone website howToComplain }\n        dataCategories { key label description }\n        purposes { key label description legalBasis legalBasisDetail }\n        recipients { key name kind location isOutsideEEA }\n        transfers { statement safeguards }\n        retention { key label text basis }\n        rights { key label description conditions }\n        requests {\n          responseDeadline { text }\n          extension { text }\n          extensionCondition\n          verification\n          authorisedAgentsAllowed\n          authorisedAgentRequirement\n        }\n        statements\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignInPage($handle: String!) {\n    shop(handle: $handle) { handle name }\n    viewer { isSignedIn shop { handle } }\n  }\n"): (typeof documents)["\n  query SignInPage($handle: String!) {\n    shop(handle: $handle) { handle name }\n    viewer { isSignedIn shop { handle } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: CustomerSignUpInput!) {\n    customerSignUp(input: $input) {\n      customer { id }\n      userErrors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: CustomerSignUpInput!) {\n    customerSignUp(input: $input) {\n      customer { id }\n      userErrors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignUpPage($handle: String!) {\n    shop(handle: $handle) { handle name }\n    viewer { isSignedIn shop { handle } }\n  }\n"): (typeof documents)["\n  query SignUpPage($handle: String!) {\n    shop(handle: $handle) { handle name }\n    viewer { isSignedIn shop { handle } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Landing {\n    shops {\n      id\n      handle\n      name\n      branding { primaryColor accentColor tagline }\n      policy {\n        regime { name }\n        controllers { name country }\n        rights { key }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Landing {\n    shops {\n      id\n      handle\n      name\n      branding { primaryColor accentColor tagline }\n      policy {\n        regime { name }\n        controllers { name country }\n        rights { key }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;