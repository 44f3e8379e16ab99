import type { AccessLogEntry } from "@/server/access-log";
import type { ApiKeyView } from "@/server/api-keys";
import type { AuditEventView } from "@/server/audit/log";
import type { AgentViewer, PartnerViewer } from "@/server/auth/viewer";
import type { ConsentPurpose, ConsentRecordView } from "@/server/consent";
import type { CategoryView, DatasetView, RecordView, RetentionView } from "@/server/data-map/view";
import type { Address, Customer } from "@/server/db/generated/client";
import type { DeletionPlanView, DeletionRequestView } from "@/server/erasure";
import type { ExportView } from "@/server/export";
import type { ImpersonationView, SupportAccessView, SupportCustomer } from "@/server/impersonation";
import type { InvitationLinkView, InvitationView } from "@/server/invitations";
import type { InvoiceView, OrderView, WarrantyView } from "@/server/orders";
import type { RightsRequestView } from "@/server/requests/requests";
import type { ConnectedAccounts, ConnectedAccountView } from "@/server/social";
import type { ShopRef } from "@/server/tenants";
import type { ShopProfile } from "@/server/tenants/profile-schema";
import type { WebhookDeliveryRow, WebhookEndpointRow } from "@/server/webhooks";

// What resolvers of each GraphQL type receive as their parent object.
export type CustomerParent = Pick<
  Customer,
  "id" | "shopId" | "email" | "firstName" | "lastName" | "alias" | "createdAt" | "status"
>;
export type ShopParent = ShopRef;
export type ShopPolicyParent = ShopProfile;
export type ViewerParent = Record<string, never>;
export type DataCategoryParent = CategoryView;
export type DataSetParent = DatasetView;
export type DataRecordParent = RecordView;
export type RetentionInfoParent = RetentionView;
export type OrderParent = OrderView;
export type InvoiceParent = InvoiceView;
export type WarrantyCertificateParent = WarrantyView;
export type AddressParent = Address;
export type ExportParent = ExportView;
export type ConsentPurposeParent = ConsentPurpose;
export type ConsentRecordParent = ConsentRecordView;
export type DeletionRequestParent = DeletionRequestView;
export type DeletionPlanParent = DeletionPlanView;
export type DeletionPlanEntryParent = DeletionPlanView["entries"][number];
export type AgentParent = AgentViewer["agent"];
export type ImpersonationParent = ImpersonationView;
export type SupportCustomerParent = SupportCustomer;
export type SupportAccessParent = SupportAccessView;
export type AccessLogEntryParent = AccessLogEntry;
export type SupportSessionLogParent = NonNullable<AccessLogEntry["supportSession"]>;
export type SupportSessionStepParent = SupportSessionLogParent["steps"][number];
export type AuditEventParent = AuditEventView;
export type ApiKeyParent = ApiKeyView;
export type PartnerParent = PartnerViewer["apiKey"];
export type WebhookEndpointParent = WebhookEndpointRow;
export type WebhookDeliveryParent = WebhookDeliveryRow;
export type ConnectedAccountsParent = ConnectedAccounts;
export type ConnectedAccountParent = ConnectedAccountView;
export type InvitationParent = InvitationView;
export type InvitationLinkParent = InvitationLinkView;
export type RightsRequestParent = RightsRequestView;
export type RightsRequestCustomerParent = NonNullable<RightsRequestView["customer"]>;
