-- Issue 11: support agents, impersonation with audit, the customer's access log.
CREATE TYPE "AgentRole" AS ENUM ('SUPPORT', 'PRIVACY_OFFICER');

-- Who acted, when a support agent acted in the customer's account.
ALTER TABLE "AuditEvent" ADD COLUMN "impersonationId" UUID;
CREATE INDEX "AuditEvent_impersonationId_idx" ON "AuditEvent"("impersonationId");
ALTER TABLE "ConsentRecord" ADD COLUMN "impersonationId" UUID;

CREATE TABLE "Agent" (
    "id" UUID NOT NULL,
    "shopId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" "AgentRole" NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabledAt" TIMESTAMPTZ(3),
    CONSTRAINT "Agent_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Agent_shopId_email_key" ON "Agent"("shopId", "email");
ALTER TABLE "Agent" ADD CONSTRAINT "Agent_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "AgentSession" (
    "id" UUID NOT NULL,
    "agentId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "ip" TEXT,
    "userAgent" TEXT,
    CONSTRAINT "AgentSession_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "AgentSession_agentId_idx" ON "AgentSession"("agentId");
ALTER TABLE "AgentSession" ADD CONSTRAINT "AgentSession_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "Impersonation" (
    "id" UUID NOT NULL,
    "shopId" UUID NOT NULL,
    "agentId" UUID NOT NULL,
    "agentSessionId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "ticket" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),
    "endReason" TEXT,
    CONSTRAINT "Impersonation_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Impersonation_customerId_startedAt_idx" ON "Impersonation"("customerId", "startedAt" DESC);
CREATE INDEX "Impersonation_agentSessionId_idx" ON "Impersonation"("agentSessionId");
-- One open session per agent browser: starting another ends the first in the same
-- transaction, and two racing starts cannot both stay open.
CREATE UNIQUE INDEX "Impersonation_one_open_per_agent_session" ON "Impersonation"("agentSessionId") WHERE "endedAt" IS NULL;
ALTER TABLE "Impersonation" ADD CONSTRAINT "Impersonation_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Impersonation" ADD CONSTRAINT "Impersonation_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Impersonation" ADD CONSTRAINT "Impersonation_agentSessionId_fkey" FOREIGN KEY ("agentSessionId") REFERENCES "AgentSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Impersonation" ADD CONSTRAINT "Impersonation_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "SupportAccessGrant" (
    "id" UUID NOT NULL,
    "shopId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "grantedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    CONSTRAINT "SupportAccessGrant_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "SupportAccessGrant_customerId_grantedAt_idx" ON "SupportAccessGrant"("customerId", "grantedAt" DESC);
ALTER TABLE "SupportAccessGrant" ADD CONSTRAINT "SupportAccessGrant_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "SupportAccessGrant" ADD CONSTRAINT "SupportAccessGrant_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
