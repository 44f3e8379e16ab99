import type { ModelName } from "./index";

// How each personal model is listed on "My data": the date its records are ordered by
// (newest first) and that retention periods counted from a record start at.
export const RECORD_DATE_FIELD: Partial<Record<ModelName, string>> = {
  Customer: "createdAt",
  CustomerPhone: "createdAt",
  Address: "createdAt",
  Order: "placedAt",
  Invoice: "issuedAt",
  WarrantyCertificate: "issuedAt",
  PaymentMethod: "createdAt",
  WishlistItem: "addedAt",
  Preference: "updatedAt",
  PollAnswer: "answeredAt",
  Device: "lastSeenAt",
  SignInEvent: "at",
  Session: "createdAt",
  ThirdPartyRecord: "receivedAt",
  Account: "linkedAt",
  Invitation: "createdAt",
  ConsentRecord: "createdAt",
  ConsentConfirmation: "createdAt",
  AuditEvent: "createdAt",
  RecipientNotification: "createdAt",
  OutboundEmail: "createdAt",
  EmailChangeRequest: "createdAt",
  Export: "createdAt",
  ExportDownload: "at",
  AuditEventValue: "createdAt",
  DeletionRequest: "requestedAt",
  RightsRequest: "receivedAt",
  RightsRequestEvent: "at",
};

// Fields stored as calendar dates rather than instants.
export const DATE_ONLY_FIELDS = new Set([
  "Customer.dateOfBirth",
  "Export.from",
  "Export.to",
  "RightsRequest.receivedOn",
  "RightsRequest.firstDueOn",
  "RightsRequest.dueOn",
  "RightsRequest.extendableDueOn",
]);
