import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { bucketKeyForApiKey, chargeBucket, peekBucket, refundBucket } from "@/server/api-keys/throttle";
import { getPrisma } from "@/server/db";
import { signedInViewer } from "../factories";
import { partnerKey } from "../factories/partner";
import { gql } from "../support/graphql";

// The shared leaky bucket: state in the database (ThrottleBucket), so what one request
// (or app instance) spends, every other sees.

// A bucket that barely refills during a test.
const SLOW = { maximumAvailable: 1000, restoreRate: 0.001 };
const freshKey = () => `test:${randomUUID()}`;

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("chargeBucket", () => {
  it("never lets concurrent charges overspend: 20 × 100 from 1000 gives exactly 10", async () => {
    const key = freshKey();
    const results = await Promise.all(Array.from({ length: 20 }, () => chargeBucket(key, 100, SLOW)));
    expect(results.filter((r) => r.isAllowed)).toHaveLength(10);
    expect(await peekBucket(key, SLOW)).toBeLessThan(1);
    // The refused ones changed nothing and were told how long to wait.
    for (const refused of results.filter((r) => !r.isAllowed)) {
      expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    }
  });

  it("starts full, takes the cost, and refuses without taking when there is not enough", async () => {
    const key = freshKey();
    expect(await peekBucket(key, SLOW)).toBe(1000);
    const first = await chargeBucket(key, 700, SLOW);
    expect(first).toMatchObject({ isAllowed: true, status: { currentlyAvailable: 300 }, retryAfterSeconds: 0 });
    const refused = await chargeBucket(key, 301, SLOW);
    expect(refused.isAllowed).toBe(false);
    expect(refused.status.currentlyAvailable).toBe(300);
    expect(await peekBucket(key, SLOW)).toBeGreaterThanOrEqual(300);
    expect(await peekBucket(key, SLOW)).toBeLessThan(301);
  });

  it("says when to retry: the missing points at the restore rate, rounded up", async () => {
    const key = freshKey();
    const settings = { maximumAvailable: 1000, restoreRate: 50 };
    await chargeBucket(key, 1000, settings);
    const refused = await chargeBucket(key, 120, settings);
    expect(refused.isAllowed).toBe(false);
    // 120 points at 50 a second: 2.4 s, less whatever dripped back meanwhile.
    expect(refused.retryAfterSeconds).toBe(3);
  });

  it("refills by elapsed time (database clock) up to the maximum", async () => {
    const key = freshKey();
    const settings = { maximumAvailable: 100, restoreRate: 1000 };
    await chargeBucket(key, 100, settings);
    await getPrisma()
      .$executeRaw`UPDATE "ThrottleBucket" SET "updatedAt" = now() - interval '50 milliseconds' WHERE "key" = ${key}`;
    const available = await peekBucket(key, settings);
    expect(available).toBeGreaterThanOrEqual(50);
    expect(await chargeBucket(key, 50, settings)).toMatchObject({ isAllowed: true });
    await getPrisma()
      .$executeRaw`UPDATE "ThrottleBucket" SET "updatedAt" = now() - interval '1 hour' WHERE "key" = ${key}`;
    expect(await peekBucket(key, settings)).toBe(100);
  });

  it("refunds unused points, never above the maximum", async () => {
    const key = freshKey();
    await chargeBucket(key, 300, SLOW);
    expect((await refundBucket(key, 200, SLOW)).currentlyAvailable).toBe(900);
    expect((await refundBucket(key, 500, SLOW)).currentlyAvailable).toBe(1000);
  });
});

describe("the partner throttle in the GraphQL server", () => {
  // Nearly no refill, so the figures do not depend on how long a request takes.
  const slowly = () => {
    vi.stubEnv("API_THROTTLE_RESTORE_RATE", "0.001");
  };

  it("charges a partner key its actual cost: the unused part of the requested cost is refunded", async () => {
    slowly();
    const { viewer, apiKeyId } = await partnerKey({ scopes: ["policy:read"] });
    // Requested: node + id + orders(first: 100) with 3 fields inside = 303; the node is
    // not found, so only `node` (null) is returned.
    const query = `query($id: ID!) {
      node(id: $id) { id ... on Customer { orders(first: 100) { edges { node { id } } } } }
    }`;
    const { data, extensions } = await gql(query, { id: "nope" }, viewer);
    expect(data).toEqual({ node: null });
    expect(extensions?.cost).toEqual({
      requestedQueryCost: 303,
      actualQueryCost: 1,
      throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 999, restoreRate: 0.001 },
    });
    const stored = await peekBucket(bucketKeyForApiKey(apiKeyId));
    expect(stored).toBeGreaterThanOrEqual(999);
    expect(stored).toBeLessThan(1000);
  });

  it("shares the bucket: points spent elsewhere (another instance) are gone here", async () => {
    slowly();
    const { viewer, apiKeyId } = await partnerKey({ scopes: ["policy:read"] });
    await chargeBucket(bucketKeyForApiKey(apiKeyId), 998, SLOW);
    const { data, errors, extensions } = await gql("{ a: __typename b: __typename c: __typename }", {}, viewer);
    expect(data).toBeUndefined();
    expect(errors?.[0].extensions?.code).toBe("THROTTLED");
    expect(extensions?.cost).toMatchObject({ requestedQueryCost: 3, actualQueryCost: 0 });
    const ok = await gql("{ a: __typename b: __typename }", {}, viewer);
    expect(ok.errors).toBeUndefined();
    expect(ok.extensions?.cost).toMatchObject({ throttleStatus: { currentlyAvailable: 0 } });
  });

  it("runs nothing for a throttled request", async () => {
    vi.stubEnv("API_THROTTLE_MAXIMUM_AVAILABLE", "5");
    vi.stubEnv("API_THROTTLE_RESTORE_RATE", "0.001");
    const { viewer, apiKeyId } = await partnerKey({ scopes: ["consents:write", "customers:read"] });
    await chargeBucket(bucketKeyForApiKey(apiKeyId), 5, { maximumAvailable: 5, restoreRate: 0.001 });
    const before = await getPrisma().consentRecord.count();
    const result = await gql(`mutation { consentUpdate(input: { changes: [] }) { userErrors { code } } }`, {}, viewer);
    expect(result.errors?.[0].extensions?.code).toBe("THROTTLED");
    expect(result.data).toBeUndefined();
    expect(await getPrisma().consentRecord.count()).toBe(before);
  });

  it("leaves customers' and anonymous requests unthrottled (throttleStatus null)", async () => {
    const customer = await signedInViewer();
    for (const viewer of [customer, undefined]) {
      const { extensions } = await gql("{ __typename }", {}, viewer);
      expect(extensions?.cost).toEqual({ requestedQueryCost: 1, actualQueryCost: 1, throttleStatus: null });
    }
  });
});
