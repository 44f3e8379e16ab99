-- CreateEnum
CREATE TYPE "RecipientNotificationKind" AS ENUM ('RECTIFICATION', 'ERASURE', 'RESTRICTION');
CREATE TYPE "RecipientNotificationStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" UUID NOT NULL,
    "shopId" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "customerId" UUID,
    "actorType" "ActorType" NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "prevHash" TEXT,
    "hash" TEXT NOT NULL,
    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id"),
    -- The chain starts at 1 and only the first event has no predecessor.
    CONSTRAINT "AuditEvent_sequence_check" CHECK ("sequence" >= 1),
    CONSTRAINT "AuditEvent_prevHash_check" CHECK (("sequence" = 1) = ("prevHash" IS NULL))
);

CREATE TABLE "RecipientNotification" (
    "id" UUID NOT NULL,
    "shopId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "recipientKey" TEXT NOT NULL,
    "kind" "RecipientNotificationKind" NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "RecipientNotificationStatus" NOT NULL DEFAULT 'PENDING',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMPTZ(3),
    CONSTRAINT "RecipientNotification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_shopId_sequence_key" ON "AuditEvent"("shopId", "sequence");
CREATE INDEX "AuditEvent_customerId_createdAt_idx" ON "AuditEvent"("customerId", "createdAt" DESC);
CREATE INDEX "RecipientNotification_customerId_createdAt_idx" ON "RecipientNotification"("customerId", "createdAt" DESC);
CREATE INDEX "RecipientNotification_shopId_status_createdAt_idx" ON "RecipientNotification"("shopId", "status", "createdAt");

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RecipientNotification" ADD CONSTRAINT "RecipientNotification_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RecipientNotification" ADD CONSTRAINT "RecipientNotification_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The audit log is append-only: the application may only INSERT into it. Tampering
-- that bypasses this (a superuser disabling the trigger) is caught by the hash chain.
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'AuditEvent rows are append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEvent_append_only"
    BEFORE UPDATE OR DELETE ON "AuditEvent"
    FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();

CREATE TRIGGER "AuditEvent_no_truncate"
    BEFORE TRUNCATE ON "AuditEvent"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();
