import type { CodegenConfig } from "@graphql-codegen/cli";

// `npm run codegen` regenerates everything generated from the SDL; CI fails when the
// committed files differ (npm run codegen:check).
const config: CodegenConfig = {
  schema: "graphql/schema/*.graphql",
  documents: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
  ignoreNoDocuments: true,
  generates: {
    "graphql/generated/resolvers-types.ts": {
      plugins: ["typescript", "typescript-resolvers"],
      config: {
        useTypeImports: true,
        contextType: "../context#GraphQLContext",
        enumsAsTypes: true,
        scalars: { DateTime: "Date", Date: "string", ID: "string" },
        mappers: {
          Customer: "../mappers#CustomerParent",
          Shop: "../mappers#ShopParent",
          Viewer: "../mappers#ViewerParent",
          ShopPolicy: "../mappers#ShopPolicyParent",
          Address: "../mappers#AddressParent",
          DataCategory: "../mappers#DataCategoryParent",
          DataSet: "../mappers#DataSetParent",
          DataRecord: "../mappers#DataRecordParent",
          RetentionInfo: "../mappers#RetentionInfoParent",
          Order: "../mappers#OrderParent",
          Invoice: "../mappers#InvoiceParent",
          WarrantyCertificate: "../mappers#WarrantyCertificateParent",
          Export: "../mappers#ExportParent",
          ConsentPurpose: "../mappers#ConsentPurposeParent",
          ConsentRecord: "../mappers#ConsentRecordParent",
          DeletionRequest: "../mappers#DeletionRequestParent",
          DeletionPlan: "../mappers#DeletionPlanParent",
          DeletionPlanEntry: "../mappers#DeletionPlanEntryParent",
          Agent: "../mappers#AgentParent",
          Impersonation: "../mappers#ImpersonationParent",
          SupportCustomer: "../mappers#SupportCustomerParent",
          SupportAccess: "../mappers#SupportAccessParent",
          AccessLogEntry: "../mappers#AccessLogEntryParent",
          SupportSessionLog: "../mappers#SupportSessionLogParent",
          SupportSessionStep: "../mappers#SupportSessionStepParent",
          AuditEvent: "../mappers#AuditEventParent",
          ApiKey: "../mappers#ApiKeyParent",
          Partner: "../mappers#PartnerParent",
          WebhookEndpoint: "../mappers#WebhookEndpointParent",
          WebhookDelivery: "../mappers#WebhookDeliveryParent",
          ConnectedAccounts: "../mappers#ConnectedAccountsParent",
          ConnectedAccount: "../mappers#ConnectedAccountParent",
          Invitation: "../mappers#InvitationParent",
          InvitationLink: "../mappers#InvitationLinkParent",
          RightsRequest: "../mappers#RightsRequestParent",
          RightsRequestCustomer: "../mappers#RightsRequestCustomerParent",
        },
      },
    },
    "graphql/generated/client/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: "string", Date: "string" } },
    },
  },
};

export default config;
