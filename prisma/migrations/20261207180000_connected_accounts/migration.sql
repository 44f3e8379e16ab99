-- Connected accounts: providers' tokens are not kept (nothing calls a provider after
-- sign-in), and an unlinked identity may keep what it gave us until erased.
ALTER TABLE "Account"
  DROP COLUMN "accessToken",
  DROP COLUMN "refreshToken",
  DROP COLUMN "expiresAt",
  DROP COLUMN "tokenType",
  DROP COLUMN "idToken",
  ADD COLUMN "unlinkedAt" TIMESTAMPTZ(3);
