-- The set-based form of webhook_delivery_succeeded (server/webhooks/deliver.ts): the
-- plain successes (a 2xx from a healthy endpoint) of a batch of deliveries, each fenced
-- on its own attempt count, recorded in one round trip. First the per-(endpoint,
-- customer) order locks of all of them, in one global order (two batches never wait on
-- each other in a cycle); then, each statement reading after the locks are held: the
-- deliveries SUCCEEDED where the fence holds, their attempts, the next pending delivery
-- of each (endpoint, customer) woken, and their jobs finished (fenced like the job
-- runner's own writes). A batch never holds two deliveries of one (endpoint, customer):
-- the later one would have been waiting on the earlier. Returns the deliveries whose
-- fence held.
CREATE FUNCTION webhook_deliveries_succeeded(
  p_deliveries UUID[], p_attempts INTEGER[], p_at TIMESTAMPTZ, p_status INTEGER[], p_latency INTEGER[],
  p_excerpt TEXT[], p_jobs UUID[], p_job_attempts INTEGER[]
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
    SELECT * FROM unnest(p_deliveries, p_attempts, p_status, p_latency, p_excerpt, p_jobs, p_job_attempts)
      AS u("delivery", "attempts", "status", "latency", "excerpt", "job", "jobAttempts")
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
    WHERE j."id" = i."job" AND j."status" = 'RUNNING' AND j."attempts" = i."jobAttempts"
  )
  SELECT done."id" FROM done;
END
$$;
