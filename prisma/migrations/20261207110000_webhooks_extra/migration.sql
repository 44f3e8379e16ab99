-- Webhook deliveries go in order per (endpoint, customer): a delivery waits while an
-- earlier one (lower sequence) for the same endpoint and customer is PENDING. The
-- sequence orders deliveries made in one transaction too, where timestamps tie.
ALTER TABLE "WebhookDelivery" ADD COLUMN "sequence" BIGSERIAL NOT NULL;
CREATE INDEX "WebhookDelivery_endpointId_customerId_status_sequence_idx" ON "WebhookDelivery"("endpointId", "customerId", "status", "sequence");

-- The common outcome of a delivery, a 2xx from a healthy endpoint, in one round trip
-- (server/webhooks/deliver.ts): under the per-(endpoint, customer) order lock, the
-- delivery SUCCEEDED (fenced on its attempt count), its attempt recorded, the next
-- pending delivery for that endpoint and customer woken, and the delivery's job
-- finished (fenced like the job runner's own writes). A function, so that each of its
-- statements reads after the lock is held. Returns false when the fence did not hold.
CREATE FUNCTION webhook_delivery_succeeded(
  p_delivery UUID, p_attempts INTEGER, p_at TIMESTAMPTZ, p_status INTEGER, p_latency INTEGER,
  p_excerpt TEXT, p_job UUID, p_job_attempts INTEGER
) RETURNS BOOLEAN LANGUAGE plpgsql AS $$
DECLARE
  d RECORD;
  n INTEGER;
BEGIN
  SELECT "endpointId", "customerId", "sequence" INTO d FROM "WebhookDelivery" WHERE "id" = p_delivery;
  IF d."customerId" IS NOT NULL THEN
    PERFORM pg_advisory_xact_lock(hashtextextended('webhook-order:' || d."endpointId" || ':' || d."customerId", 0));
  END IF;
  UPDATE "WebhookDelivery"
  SET "attempts" = p_attempts, "status" = 'SUCCEEDED', "nextAttemptAt" = NULL, "finishedAt" = p_at
  WHERE "id" = p_delivery AND "status" = 'PENDING' AND "attempts" = p_attempts - 1;
  GET DIAGNOSTICS n = ROW_COUNT;
  IF n = 0 THEN
    RETURN FALSE;
  END IF;
  INSERT INTO "WebhookAttempt" ("id", "deliveryId", "attemptedAt", "statusCode", "latencyMs", "responseExcerpt")
  VALUES (gen_random_uuid(), p_delivery, p_at, p_status, p_latency, p_excerpt);
  IF d."customerId" IS NOT NULL THEN
    UPDATE "Job" SET "runAt" = p_at
    WHERE "kind" = 'webhook.deliver' AND "status" = 'QUEUED' AND "runAt" > p_at AND "key" = (
      SELECT b."id"::text FROM "WebhookDelivery" b
      WHERE b."endpointId" = d."endpointId" AND b."customerId" = d."customerId"
        AND b."status" = 'PENDING' AND b."sequence" > d."sequence"
      ORDER BY b."sequence" LIMIT 1);
  END IF;
  IF p_job IS NOT NULL THEN
    UPDATE "Job" SET "status" = 'SUCCEEDED', "leaseUntil" = NULL, "finishedAt" = p_at, "lastError" = NULL
    WHERE "id" = p_job AND "status" = 'RUNNING' AND "attempts" = p_job_attempts;
  END IF;
  RETURN TRUE;
END
$$;
