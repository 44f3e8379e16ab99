-- Invited friends (server/invitations): the inviter's invitations, with the friend's
-- details only while the invitation is open.
CREATE TYPE "InvitationChannel" AS ENUM ('EMAIL', 'LINK', 'FACEBOOK', 'TWITTER');
CREATE TYPE "InvitationStatus" AS ENUM ('SENT', 'ACCEPTED', 'OBJECTED', 'EXPIRED', 'WITHDRAWN');

CREATE TABLE "Invitation" (
  "id" UUID NOT NULL,
  "shopId" UUID NOT NULL,
  "customerId" UUID NOT NULL,
  "channel" "InvitationChannel" NOT NULL,
  "status" "InvitationStatus" NOT NULL DEFAULT 'SENT',
  "friendEmail" TEXT,
  "friendName" TEXT,
  "friendEmailHash" TEXT,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "expiresAt" TIMESTAMPTZ(3) NOT NULL,
  "closedAt" TIMESTAMPTZ(3),
  "detailsErasedAt" TIMESTAMPTZ(3),
  CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Invitation_customerId_friendEmailHash_key" ON "Invitation"("customerId", "friendEmailHash");
CREATE INDEX "Invitation_customerId_createdAt_idx" ON "Invitation"("customerId", "createdAt" DESC);
CREATE INDEX "Invitation_shopId_friendEmailHash_idx" ON "Invitation"("shopId", "friendEmailHash");
CREATE INDEX "Invitation_status_expiresAt_idx" ON "Invitation"("status", "expiresAt");

ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
