-- A job's claim: counted up at every claim and never reset. The job runner fences every
-- write of a run on it (server/jobs). It fenced on "attempts" before, which a planned
-- re-queue resets to 0: a run whose lease ran out could then match a later claim with
-- the same attempt number and finish that claim's job under it (a webhook delivery left
-- PENDING with its job SUCCEEDED, seen under load in webhooks-fault.test.ts).
ALTER TABLE "Job" ADD COLUMN "claim" INTEGER NOT NULL DEFAULT 0;

-- The webhook success functions finish the delivery's job fenced on the claim too.
DROP FUNCTION webhook_delivery_succeeded(UUID, INTEGER, TIMESTAMPTZ, INTEGER, INTEGER, TEXT, UUID, INTEGER);
DROP FUNCTION webhook_deliveries_succeeded(UUID[], INTEGER[], TIMESTAMPTZ, INTEGER[], INTEGER[], TEXT[], UUID[], INTEGER[]);

CREATE FUNCTION webhook_delivery_succeeded(
  p_delivery UUID, p_attempts INTEGER, p_at TIMESTAMPTZ, p_status INTEGER, p_latency INTEGER,
  p_excerpt TEXT, p_job UUID, p_job_claim INTEGER
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
    WHERE "id" = p_job AND "status" = 'RUNNING' AND "claim" = p_job_claim;
  END IF;
  RETURN TRUE;
END
$$;

CREATE FUNCTION webhook_deliveries_succeeded(
  p_deliveries UUID[], p_attempts INTEGER[], p_at TIMESTAMPTZ, p_status INTEGER[], p_latency INTEGER[],
  p_excerpt TEXT[], p_jobs UUID[], p_job_claims INTEGER[]
) RETURNS SETOF UUID LANGUAGE plpgsql AS $$
DECLARE
  k BIGINT;
BEGIN
  FOR k IN
    SELECT DISTINCT hashtextextended('webhook-order:' || d."endpointId" || ':' || d."customerId", 0)
    FROM "WebhookDelivery" d
    WHERE d."id" = ANY(p_deliveries) AND d."customerId" IS NOT NULL
    ORDER BY 1
  LOOP
    PERFORM pg_advisory_xact_lock(k);
  END LOOP;
  RETURN QUERY
  WITH input AS (
    SELECT * FROM unnest(p_deliveries, p_attempts, p_status, p_latency, p_excerpt, p_jobs, p_job_claims)
      AS u("delivery", "attempts", "status", "latency", "excerpt", "job", "jobClaim")
  ), done AS (
    UPDATE "WebhookDelivery" d
    SET "attempts" = i."attempts", "status" = 'SUCCEEDED', "nextAttemptAt" = NULL, "finishedAt" = p_at
    FROM input i
    WHERE d."id" = i."delivery" AND d."status" = 'PENDING' AND d."attempts" = i."attempts" - 1
    RETURNING d."id", d."endpointId", d."customerId", d."sequence"
  ), recorded AS (
    INSERT INTO "WebhookAttempt" ("id", "deliveryId", "attemptedAt", "statusCode", "latencyMs", "responseExcerpt")
    SELECT gen_random_uuid(), i."delivery", p_at, i."status", i."latency", i."excerpt"
    FROM input i JOIN done ON done."id" = i."delivery"
  ), woken AS (
    UPDATE "Job" j SET "runAt" = p_at
    WHERE j."kind" = 'webhook.deliver' AND j."status" = 'QUEUED' AND j."runAt" > p_at AND j."key" IN (
      SELECT (
        SELECT b."id"::text FROM "WebhookDelivery" b
        WHERE b."endpointId" = done."endpointId" AND b."customerId" = done."customerId"
          AND b."status" = 'PENDING' AND b."sequence" > done."sequence"
        ORDER BY b."sequence" LIMIT 1)
      FROM done WHERE done."customerId" IS NOT NULL)
  ), finished AS (
    UPDATE "Job" j SET "status" = 'SUCCEEDED', "leaseUntil" = NULL, "finishedAt" = p_at, "lastError" = NULL
    FROM input i JOIN done ON done."id" = i."delivery"
    WHERE j."id" = i."job" AND j."status" = 'RUNNING' AND j."claim" = i."jobClaim"
  )
  SELECT done."id" FROM done;
END
$$;
