-- Webhook deliveries go in order per (endpoint, customer): a delivery waits while an
-- earlier one (lower sequence) for the same endpoint and customer is PENDING. The
-- sequence orders deliveries made in one transaction too, where timestamps tie.
ALTER TABLE "WebhookDelivery" ADD COLUMN "sequence" BIGSERIAL NOT NULL;
CREATE INDEX "WebhookDelivery_endpointId_customerId_status_sequence_idx" ON "WebhookDelivery"("endpointId", "customerId", "status", "sequence");
