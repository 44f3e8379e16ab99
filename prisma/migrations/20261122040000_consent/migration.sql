-- AlterEnum: consent sources of issue 5. (A value added here is not used in this same
-- transaction, which PostgreSQL would refuse.)
ALTER TYPE "ConsentSource" ADD VALUE 'CONFIRMATION_LINK';
ALTER TYPE "ConsentSource" ADD VALUE 'GLOBAL_PRIVACY_CONTROL';

-- CreateTable
CREATE TABLE "ConsentConfirmation" (
    "id" UUID NOT NULL,
    "shopId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "purposeKeys" TEXT[],
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "confirmedAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ConsentConfirmation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ConsentConfirmation_tokenHash_key" ON "ConsentConfirmation"("tokenHash");
CREATE INDEX "ConsentConfirmation_customerId_createdAt_idx" ON "ConsentConfirmation"("customerId", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "ConsentConfirmation" ADD CONSTRAINT "ConsentConfirmation_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ConsentConfirmation" ADD CONSTRAINT "ConsentConfirmation_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Consent records were already closed to UPDATE and DELETE (init); TRUNCATE would empty
-- the ledger in one statement, so it is refused too, as for the audit log.
CREATE TRIGGER "ConsentRecord_no_truncate"
    BEFORE TRUNCATE ON "ConsentRecord"
    FOR EACH STATEMENT EXECUTE FUNCTION "consent_record_append_only"();
