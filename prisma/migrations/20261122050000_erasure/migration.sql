-- Issue 6: delete my account. (ERASED is not used in this same transaction, which
-- PostgreSQL would refuse for a value added here.)
ALTER TYPE "CustomerStatus" ADD VALUE 'ERASED';

CREATE TYPE "DeletionRequestStatus" AS ENUM ('AWAITING_CONFIRMATION', 'SCHEDULED', 'ERASING', 'COMPLETED', 'CANCELLED', 'SUPERSEDED');

-- Rows a retention rule keeps after erasure: the rule and the purge date.
ALTER TABLE "Order" ADD COLUMN "retentionRule" TEXT, ADD COLUMN "retainedUntil" TIMESTAMPTZ(3);
ALTER TABLE "Invoice" ADD COLUMN "retentionRule" TEXT, ADD COLUMN "retainedUntil" TIMESTAMPTZ(3);
ALTER TABLE "WarrantyCertificate" ADD COLUMN "retentionRule" TEXT, ADD COLUMN "retainedUntil" TIMESTAMPTZ(3);
ALTER TABLE "OutboundEmail" ADD COLUMN "retentionRule" TEXT, ADD COLUMN "retainedUntil" TIMESTAMPTZ(3);
CREATE INDEX "Order_retainedUntil_idx" ON "Order"("retainedUntil");
CREATE INDEX "Invoice_retainedUntil_idx" ON "Invoice"("retainedUntil");
CREATE INDEX "WarrantyCertificate_retainedUntil_idx" ON "WarrantyCertificate"("retainedUntil");
CREATE INDEX "OutboundEmail_retainedUntil_idx" ON "OutboundEmail"("retainedUntil");

-- CreateTable
CREATE TABLE "AuditEventValue" (
    "id" UUID NOT NULL,
    "auditEventId" UUID NOT NULL,
    "shopId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "values" JSONB NOT NULL,
    "salt" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEventValue_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "AuditEventValue_auditEventId_key" ON "AuditEventValue"("auditEventId");
CREATE INDEX "AuditEventValue_customerId_idx" ON "AuditEventValue"("customerId");
ALTER TABLE "AuditEventValue" ADD CONSTRAINT "AuditEventValue_auditEventId_fkey" FOREIGN KEY ("auditEventId") REFERENCES "AuditEvent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AuditEventValue" ADD CONSTRAINT "AuditEventValue_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AuditEventValue" ADD CONSTRAINT "AuditEventValue_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "DeletionRequest" (
    "id" UUID NOT NULL,
    "shopId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "status" "DeletionRequestStatus" NOT NULL DEFAULT 'AWAITING_CONFIRMATION',
    "tokenHash" TEXT,
    "tokenExpiresAt" TIMESTAMPTZ(3),
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMPTZ(3),
    "scheduledFor" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "startedAt" TIMESTAMPTZ(3),
    "completedAt" TIMESTAMPTZ(3),
    "anchors" JSONB,
    "plan" JSONB,
    "receiptTo" TEXT,
    "step" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DeletionRequest_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "DeletionRequest_tokenHash_key" ON "DeletionRequest"("tokenHash");
CREATE INDEX "DeletionRequest_customerId_createdAt_idx" ON "DeletionRequest"("customerId", "createdAt" DESC);
CREATE INDEX "DeletionRequest_status_scheduledFor_idx" ON "DeletionRequest"("status", "scheduledFor");
-- At most one open request per customer: a new one supersedes the old in the same
-- transaction, and two racing requests cannot both stay open.
CREATE UNIQUE INDEX "DeletionRequest_one_open_per_customer" ON "DeletionRequest"("customerId")
    WHERE "status" IN ('AWAITING_CONFIRMATION', 'SCHEDULED', 'ERASING');
ALTER TABLE "DeletionRequest" ADD CONSTRAINT "DeletionRequest_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DeletionRequest" ADD CONSTRAINT "DeletionRequest_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "SuppressionEntry" (
    "id" UUID NOT NULL,
    "shopId" UUID NOT NULL,
    "emailHash" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SuppressionEntry_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "SuppressionEntry_shopId_emailHash_key" ON "SuppressionEntry"("shopId", "emailHash");
ALTER TABLE "SuppressionEntry" ADD CONSTRAINT "SuppressionEntry_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
