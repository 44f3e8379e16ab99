-- Rights requests (server/requests): restriction, objection, automated-decision review,
-- disputed corrections and the self-service actions recorded as requests, with their
-- legal due dates and timeline; a granted restriction or objection on the customer.
CREATE TYPE "RightsRequestType" AS ENUM ('RESTRICTION', 'OBJECTION', 'AUTOMATED_DECISION', 'DISPUTED_CORRECTION', 'ACCESS', 'RECTIFICATION', 'ERASURE', 'WITHDRAW_CONSENT');
CREATE TYPE "RightsRequestStatus" AS ENUM ('AWAITING_VERIFICATION', 'OPEN', 'CLOSED', 'WITHDRAWN');
CREATE TYPE "RightsRequestOutcome" AS ENUM ('GRANTED', 'PARTLY_GRANTED', 'REFUSED');
CREATE TYPE "RightsRequestFiler" AS ENUM ('CUSTOMER', 'REPRESENTATIVE', 'PARTNER');

ALTER TABLE "Customer" ADD COLUMN "restrictedAt" TIMESTAMPTZ(3);
ALTER TABLE "Customer" ADD COLUMN "objectedPurposes" TEXT[] DEFAULT ARRAY[]::TEXT[];

CREATE TABLE "RightsRequest" (
  "id" UUID NOT NULL,
  "shopId" UUID NOT NULL,
  "customerId" UUID NOT NULL,
  "type" "RightsRequestType" NOT NULL,
  "status" "RightsRequestStatus" NOT NULL,
  "outcome" "RightsRequestOutcome",
  "purposes" TEXT[] DEFAULT ARRAY[]::TEXT[],
  "categories" TEXT[] DEFAULT ARRAY[]::TEXT[],
  "details" TEXT,
  "filedBy" "RightsRequestFiler" NOT NULL DEFAULT 'CUSTOMER',
  "representativeName" TEXT,
  "representativeProof" TEXT,
  "apiKeyId" UUID,
  "selfService" BOOLEAN NOT NULL DEFAULT false,
  "assignedToId" UUID,
  "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "receivedOn" DATE NOT NULL,
  "firstDueOn" DATE NOT NULL,
  "dueOn" DATE NOT NULL,
  "extendableDueOn" DATE,
  "extendedAt" TIMESTAMPTZ(3),
  "extensionReason" TEXT,
  "decidedAt" TIMESTAMPTZ(3),
  "decisionReason" TEXT,
  "withdrawnAt" TIMESTAMPTZ(3),
  "updatedAt" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "RightsRequest_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "RightsRequest_customerId_receivedAt_idx" ON "RightsRequest"("customerId", "receivedAt" DESC);
CREATE INDEX "RightsRequest_shopId_status_dueOn_idx" ON "RightsRequest"("shopId", "status", "dueOn");
CREATE INDEX "RightsRequest_shopId_receivedAt_idx" ON "RightsRequest"("shopId", "receivedAt");
-- The staff queue: open requests by due date (server/requests/requests.ts, getRequestQueue).
CREATE INDEX "RightsRequest_open_dueOn_idx" ON "RightsRequest"("shopId", "dueOn", "id") WHERE "status" IN ('AWAITING_VERIFICATION', 'OPEN');
-- The metrics: a year of a shop's requests by the day they count as received.
CREATE INDEX "RightsRequest_shopId_receivedOn_idx" ON "RightsRequest"("shopId", "receivedOn");

ALTER TABLE "RightsRequest" ADD CONSTRAINT "RightsRequest_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RightsRequest" ADD CONSTRAINT "RightsRequest_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RightsRequest" ADD CONSTRAINT "RightsRequest_assignedToId_fkey" FOREIGN KEY ("assignedToId") REFERENCES "Agent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "RightsRequestEvent" (
  "id" UUID NOT NULL,
  "requestId" UUID NOT NULL,
  "kind" TEXT NOT NULL,
  "actorType" "ActorType" NOT NULL,
  "actorId" UUID,
  "actorName" TEXT,
  "message" TEXT,
  "internal" BOOLEAN NOT NULL DEFAULT false,
  "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "RightsRequestEvent_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "RightsRequestEvent_requestId_at_idx" ON "RightsRequestEvent"("requestId", "at");

ALTER TABLE "RightsRequestEvent" ADD CONSTRAINT "RightsRequestEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "RightsRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
