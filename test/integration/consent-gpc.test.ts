import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/graphql/route";
import { ANONYMOUS, type CustomerViewer, type Viewer } from "@/server/auth/viewer";
import { getPrisma } from "@/server/db";
import { signedInViewer } from "../factories";
import { gql } from "../support/graphql";

// Global Privacy Control (Sec-GPC: 1): where the shop honours it (allegra), optional
// cookies, profiling and third-party marketing count as withdrawn while the signal is
// present, cannot be granted, and the signal can be recorded in the ledger. Elsewhere
// (almaz) it changes nothing.

type UserError = { field: string[] | null; code: string; message: string };
type Consent = {
  purpose: { key: string };
  state: string;
  recordedState: string;
  source: string | null;
  isOverriddenByGlobalPrivacyControl: boolean;
};

const FIELDS = "purpose { key } state recordedState source isOverriddenByGlobalPrivacyControl";
const GPC = { globalPrivacyControl: true };
const COVERED = ["profiling", "third-party-marketing", "cookies:performance", "cookies:social-media-advertising"];

async function consentsOf(viewer: Viewer, options = {}): Promise<Consent[]> {
  const result = await gql(
    `{ viewer { hasGlobalPrivacyControl customer { consents { ${FIELDS} } } } }`,
    {},
    viewer,
    options,
  );
  expect(result.errors).toBeUndefined();
  return (result.data as { viewer: { customer: { consents: Consent[] } } }).viewer.customer.consents;
}

async function update(viewer: Viewer, changes: { key: string; state: string }[], options = {}) {
  const result = await gql(
    `mutation($input: ConsentUpdateInput!) { consentUpdate(input: $input) { consents { ${FIELDS} } userErrors { field code message } } }`,
    { input: { changes } },
    viewer,
    options,
  );
  expect(result.errors).toBeUndefined();
  return (result.data as { consentUpdate: { consents: Consent[] | null; userErrors: UserError[] } }).consentUpdate;
}

async function applySignal(viewer: Viewer, options = GPC) {
  const result = await gql(
    `mutation { consentApplyGlobalPrivacyControl { consents { ${FIELDS} } withdrawnPurposes { key } userErrors { field code message } } }`,
    {},
    viewer,
    options,
  );
  expect(result.errors).toBeUndefined();
  return (
    result.data as {
      consentApplyGlobalPrivacyControl: {
        consents: Consent[] | null;
        withdrawnPurposes: { key: string }[] | null;
        userErrors: UserError[];
      };
    }
  ).consentApplyGlobalPrivacyControl;
}

const find = (consents: Consent[] | null, key: string) => consents?.find((c) => c.purpose.key === key);

async function recordsOf(viewer: CustomerViewer) {
  return getPrisma().consentRecord.findMany({
    where: { customerId: viewer.customerId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { purposeKey: true, state: true, source: true },
  });
}

describe("Global Privacy Control where the shop honours it", () => {
  it("reports covered purposes as withdrawn while the signal is present, and only then", async () => {
    const viewer = await signedInViewer({ shop: "allegra" });
    await update(viewer, [
      { key: "profiling", state: "GRANTED" },
      { key: "cookies:performance", state: "GRANTED" },
      { key: "marketing:email:private-sales", state: "WITHDRAWN" },
    ]);
    const without = await consentsOf(viewer);
    expect(find(without, "profiling")).toMatchObject({ state: "GRANTED", isOverriddenByGlobalPrivacyControl: false });

    const withSignal = await consentsOf(viewer, GPC);
    for (const key of COVERED) {
      expect(find(withSignal, key), key).toMatchObject({
        state: "WITHDRAWN",
        isOverriddenByGlobalPrivacyControl: true,
      });
    }
    expect(find(withSignal, "profiling")?.recordedState).toBe("GRANTED");
    expect(find(withSignal, "third-party-marketing")?.recordedState).toBe("NOT_GIVEN");
    // Not covered: strictly necessary cookies, the shop's own newsletters.
    expect(find(withSignal, "cookies:functional")).toMatchObject({
      state: "GRANTED",
      isOverriddenByGlobalPrivacyControl: false,
    });
    expect(find(withSignal, "marketing:email:private-sales")?.isOverriddenByGlobalPrivacyControl).toBe(false);
  });

  it("refuses to grant a covered purpose while the signal is present, explaining why, writing nothing", async () => {
    const viewer = await signedInViewer({ shop: "allegra" });
    const result = await update(
      viewer,
      [
        { key: "cookies:social-media-advertising", state: "GRANTED" },
        { key: "marketing:email:care-and-events", state: "WITHDRAWN" },
      ],
      GPC,
    );
    expect(result.consents).toBeNull();
    expect(result.userErrors).toEqual([
      {
        field: ["input", "changes", "0", "state"],
        code: "CONFLICT",
        message:
          'Your browser sends the Global Privacy Control signal, which Allegra Jewels honours as a refusal of "Social media and advertising". To allow it, turn Global Privacy Control off in your browser first.',
      },
    ]);
    expect(await recordsOf(viewer)).toEqual([]);
    // Withdrawing is always possible.
    const withdrawn = await update(viewer, [{ key: "profiling", state: "WITHDRAWN" }], GPC);
    expect(withdrawn.userErrors).toEqual([]);
  });

  it("records the signal as withdrawals of what is still granted, once", async () => {
    const viewer = await signedInViewer({ shop: "allegra" });
    await update(viewer, [
      { key: "profiling", state: "GRANTED" },
      { key: "cookies:performance", state: "GRANTED" },
      { key: "cookies:social-media-advertising", state: "WITHDRAWN" },
      { key: "marketing:email:new-collections", state: "GRANTED" },
    ]);
    const before = await recordsOf(viewer);
    const applied = await applySignal(viewer);
    expect(applied.userErrors).toEqual([]);
    expect(applied.withdrawnPurposes?.map((p) => p.key)).toEqual(["profiling", "cookies:performance"]);
    const records = await recordsOf(viewer);
    expect(records.slice(before.length)).toEqual([
      { purposeKey: "profiling", state: "WITHDRAWN", source: "GLOBAL_PRIVACY_CONTROL" },
      { purposeKey: "cookies:performance", state: "WITHDRAWN", source: "GLOBAL_PRIVACY_CONTROL" },
    ]);
    // Recorded now: withdrawn even without the signal; the newsletter is untouched.
    const without = await consentsOf(viewer);
    expect(find(without, "profiling")).toMatchObject({
      state: "WITHDRAWN",
      source: "GLOBAL_PRIVACY_CONTROL",
      isOverriddenByGlobalPrivacyControl: false,
    });
    expect(find(without, "marketing:email:new-collections")?.state).toBe("PENDING");
    const audit = await getPrisma().auditEvent.findMany({
      where: { customerId: viewer.customerId, details: { path: ["source"], equals: "GLOBAL_PRIVACY_CONTROL" } },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({
      changes: [
        { purpose: "profiling", from: "GRANTED", to: "WITHDRAWN" },
        { purpose: "cookies:performance", from: "GRANTED", to: "WITHDRAWN" },
      ],
    });

    const again = await applySignal(viewer);
    expect(again.userErrors).toEqual([]);
    expect(again.withdrawnPurposes).toEqual([]);
    expect(await recordsOf(viewer)).toEqual(records);
  });

  it("needs the signal on the request", async () => {
    const viewer = await signedInViewer({ shop: "allegra" });
    await update(viewer, [{ key: "profiling", state: "GRANTED" }]);
    const result = await applySignal(viewer, { globalPrivacyControl: false });
    expect(result.userErrors).toEqual([
      {
        field: null,
        code: "INVALID_INPUT",
        message: "Your browser did not send the Global Privacy Control signal (Sec-GPC: 1) with this request.",
      },
    ]);
    expect((await recordsOf(viewer)).map((r) => r.state)).toEqual(["GRANTED"]);
  });

  it("reads the signal from the HTTP request's Sec-GPC header", async () => {
    const ask = (headers: Record<string, string>) =>
      POST(
        new NextRequest("http://localhost/api/graphql", {
          method: "POST",
          body: JSON.stringify({ query: "{ viewer { hasGlobalPrivacyControl } }" }),
          headers: { "content-type": "application/json", ...headers },
        }),
      ).then((r) => r.json());
    expect(await ask({ "sec-gpc": "1" })).toMatchObject({ data: { viewer: { hasGlobalPrivacyControl: true } } });
    expect(await ask({})).toMatchObject({ data: { viewer: { hasGlobalPrivacyControl: false } } });
    expect(await ask({ "sec-gpc": "0" })).toMatchObject({ data: { viewer: { hasGlobalPrivacyControl: false } } });
  });
});

describe("Global Privacy Control where the shop does not apply it", () => {
  it("changes nothing in what is reported or allowed, and cannot be recorded", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    await update(viewer, [{ key: "profiling", state: "GRANTED" }]);
    const consents = await consentsOf(viewer, GPC);
    expect(consents.every((c) => !c.isOverriddenByGlobalPrivacyControl)).toBe(true);
    expect(find(consents, "profiling")?.state).toBe("GRANTED");
    const granted = await update(viewer, [{ key: "cookies:targeting", state: "GRANTED" }], GPC);
    expect(granted.userErrors).toEqual([]);
    const records = await recordsOf(viewer);
    const applied = await applySignal(viewer);
    expect(applied.userErrors[0]).toMatchObject({ code: "INVALID_INPUT" });
    expect(applied.userErrors[0].message).toMatch(/ALMAZ does not apply the Global Privacy Control signal/);
    expect(await recordsOf(viewer)).toEqual(records);
  });
});

describe("denied access", () => {
  it("the signal alone reveals and records nothing for a signed-out visitor", async () => {
    const result = await gql(
      `{ viewer { hasGlobalPrivacyControl customer { consents { state } } } }`,
      {},
      ANONYMOUS,
      GPC,
    );
    expect(result.data).toEqual({ viewer: { hasGlobalPrivacyControl: true, customer: null } });
    expect((await applySignal(ANONYMOUS)).userErrors).toEqual([
      { field: null, code: "UNAUTHENTICATED", message: "Sign in to continue." },
    ]);
  });

  it("recording the signal touches only the signed-in customer's own ledger", async () => {
    const owner = await signedInViewer({ shop: "allegra" });
    const other = await signedInViewer({ shop: "allegra" });
    await update(owner, [{ key: "profiling", state: "GRANTED" }]);
    await update(other, [{ key: "profiling", state: "GRANTED" }]);
    await applySignal(other);
    expect((await recordsOf(owner)).map((r) => r.state)).toEqual(["GRANTED"]);
    expect((await recordsOf(other)).map((r) => r.state)).toEqual(["GRANTED", "WITHDRAWN"]);
  });
});
