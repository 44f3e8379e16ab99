-- AlterTable
ALTER TABLE "Session" ADD COLUMN "authenticatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
-- Existing sessions were opened with the password at sign-in.
UPDATE "Session" SET "authenticatedAt" = "createdAt";

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');
CREATE TYPE "ExportFormat" AS ENUM ('JSON', 'CSV');
CREATE TYPE "ExportStatus" AS ENUM ('QUEUED', 'RUNNING', 'READY', 'FAILED', 'EXPIRED');

-- CreateTable
CREATE TABLE "Job" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "status" "JobStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 5,
    "runAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Export" (
    "id" UUID NOT NULL,
    "shopId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "format" "ExportFormat" NOT NULL,
    "categories" TEXT[],
    "from" DATE,
    "to" DATE,
    "status" "ExportStatus" NOT NULL DEFAULT 'QUEUED',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "rowsTotal" INTEGER,
    "rowsDone" INTEGER NOT NULL DEFAULT 0,
    "storageKey" TEXT,
    "byteSize" BIGINT,
    "sha256" TEXT,
    "errorCode" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "readyAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3),
    "deletedAt" TIMESTAMPTZ(3),
    CONSTRAINT "Export_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Export_progress_check" CHECK ("progress" BETWEEN 0 AND 100),
    CONSTRAINT "Export_range_check" CHECK ("from" IS NULL OR "to" IS NULL OR "from" <= "to")
);

CREATE TABLE "ExportDownload" (
    "id" UUID NOT NULL,
    "exportId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ip" TEXT,
    "userAgent" TEXT,
    CONSTRAINT "ExportDownload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Job_kind_key_key" ON "Job"("kind", "key");
CREATE INDEX "Job_status_runAt_idx" ON "Job"("status", "runAt");
CREATE INDEX "Export_customerId_createdAt_idx" ON "Export"("customerId", "createdAt" DESC);
CREATE INDEX "Export_status_expiresAt_idx" ON "Export"("status", "expiresAt");
CREATE INDEX "ExportDownload_exportId_at_idx" ON "ExportDownload"("exportId", "at" DESC);
CREATE INDEX "ExportDownload_customerId_idx" ON "ExportDownload"("customerId");

-- AddForeignKey
ALTER TABLE "Export" ADD CONSTRAINT "Export_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Export" ADD CONSTRAINT "Export_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ExportDownload" ADD CONSTRAINT "ExportDownload_exportId_fkey" FOREIGN KEY ("exportId") REFERENCES "Export"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ExportDownload" ADD CONSTRAINT "ExportDownload_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
