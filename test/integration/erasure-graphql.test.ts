import { describe, expect, it } from "vitest";
import { fromGlobalId, toGlobalId } from "@/graphql/global-id";
import { ANONYMOUS, type CustomerViewer, type Viewer } from "@/server/auth/viewer";
import { getPrisma } from "@/server/db";
import { ERASURE_JOB } from "@/server/erasure";
import { addDuration } from "@/server/tenants/retention";
import { signedInViewer, TEST_PASSWORD, viewerWithHistory } from "../factories";
import { deletionToken } from "../support/erasure-fixtures";
import { gql } from "../support/graphql";

// "Delete my account" through the real GraphQL server: the plan, the open request,
// node(id:), and the three mutations with their userErrors; and every denied access:
// signed out, another customer, a customer of another shop.

const DAY = 24 * 60 * 60 * 1000;
const REQUEST_FIELDS = "id status requestedAt confirmationExpiresAt confirmedAt scheduledFor cancelledAt completedAt";
const ERRORS = "userErrors { field code message }";

const PLAN = `{ viewer { customer { deletionPlan {
  warning gracePeriodDays canReRegister erasureDate
  entries { dataSet category count action explanation retainedUntilEarliest retainedUntilLatest
    rule { key text keepOnErasure duration { years } } }
} } } }`;
const OPEN = `{ viewer { customer { deletionRequest { ${REQUEST_FIELDS} } } } }`;
const NODE = `query($id: ID!) { node(id: $id) { id ... on DeletionRequest { status scheduledFor } } }`;
const REQUEST = `mutation($input: AccountDeletionRequestInput!) {
  accountDeletionRequest(input: $input) { deletionRequest { ${REQUEST_FIELDS} } ${ERRORS} }
}`;
const CONFIRM = `mutation($input: AccountDeletionConfirmInput!) {
  accountDeletionConfirm(input: $input) { deletionRequest { ${REQUEST_FIELDS} } ${ERRORS} }
}`;
const CANCEL = `mutation { accountDeletionCancel { deletionRequest { ${REQUEST_FIELDS} } ${ERRORS} } }`;

type UserError = { field: string[] | null; code: string; message: string };
type RequestResult = {
  id: string;
  status: string;
  requestedAt: string;
  confirmationExpiresAt: string | null;
  confirmedAt: string | null;
  scheduledFor: string | null;
  cancelledAt: string | null;
  completedAt: string | null;
};
type Payload = { deletionRequest: RequestResult | null; userErrors: UserError[] };
type PlanEntryResult = {
  dataSet: string;
  category: string;
  count: number;
  action: string;
  explanation: string;
  retainedUntilEarliest: string | null;
  retainedUntilLatest: string | null;
  rule: { key: string; text: string; keepOnErasure: boolean; duration: { years: number | null } | null } | null;
};

async function mutate(query: string, variables: Record<string, unknown>, viewer: Viewer): Promise<Payload> {
  const result = await gql(query, variables, viewer);
  expect(result.errors).toBeUndefined();
  const [payload] = Object.values(result.data ?? {});
  return payload as Payload;
}

const ask = (viewer: Viewer, input = { password: TEST_PASSWORD, confirmation: "DELETE" }) =>
  mutate(REQUEST, { input }, viewer);
const confirm = (viewer: Viewer, token: string) => mutate(CONFIRM, { input: { token } }, viewer);
const cancel = (viewer: Viewer) => mutate(CANCEL, {}, viewer);

async function openRequest(viewer: Viewer): Promise<RequestResult | null> {
  const result = await gql(OPEN, {}, viewer);
  expect(result.errors).toBeUndefined();
  return (result.data as { viewer: { customer: { deletionRequest: RequestResult | null } | null } }).viewer.customer
    ?.deletionRequest as RequestResult | null;
}

async function node(id: string, viewer: Viewer) {
  const result = await gql(NODE, { id }, viewer);
  expect(result.errors).toBeUndefined();
  return result.data?.node as { id: string; status: string; scheduledFor: string | null } | null;
}

const rawId = (globalId: string) => fromGlobalId(globalId)?.id ?? "";
const statusOf = async (globalId: string) =>
  (await getPrisma().deletionRequest.findUniqueOrThrow({ where: { id: rawId(globalId) } })).status;

describe("viewer.customer.deletionPlan", () => {
  it("lists what erasure would do to each data set, with the shop's rule and dates for what it keeps", async () => {
    const viewer = await viewerWithHistory({ shop: "crystalline", orderCount: 6 });
    const before = Date.now();
    const result = await gql(PLAN, {}, viewer);
    expect(result.errors).toBeUndefined();
    const plan = (
      result.data as {
        viewer: {
          customer: {
            deletionPlan: {
              warning: string;
              gracePeriodDays: number;
              canReRegister: boolean;
              erasureDate: string;
              entries: PlanEntryResult[];
            };
          };
        };
      }
    ).viewer.customer.deletionPlan;
    const profile = viewer.shop.profile;
    expect(plan).toMatchObject({
      warning: profile.deletion.warning,
      gracePeriodDays: profile.deletion.gracePeriodDays,
      canReRegister: profile.deletion.canReRegister,
    });
    // With nothing scheduled: at the end of a grace period starting now.
    const erasureDate = new Date(plan.erasureDate).getTime();
    expect(erasureDate).toBeGreaterThanOrEqual(before + profile.deletion.gracePeriodDays * DAY);
    expect(erasureDate).toBeLessThanOrEqual(Date.now() + profile.deletion.gracePeriodDays * DAY);

    const entry = (dataSet: string) => plan.entries.filter((e) => e.dataSet === dataSet);
    expect(entry("Your account")).toMatchObject([{ category: "identity", count: 1, action: "ANONYMISE", rule: null }]);
    const prisma = getPrisma();
    const invoices = await prisma.invoice.findMany({ where: { customerId: viewer.customerId } });
    const [kept] = entry("Invoices");
    const dates = invoices.map((i) => addDuration(i.issuedAt, { years: 10 }).getTime());
    expect(kept).toMatchObject({
      category: "documents",
      count: invoices.length,
      action: "RETAIN",
      retainedUntilEarliest: new Date(Math.min(...dates)).toISOString(),
      retainedUntilLatest: new Date(Math.max(...dates)).toISOString(),
      rule: {
        key: "key-customer-data-ten-years",
        keepOnErasure: true,
        duration: { years: 10 },
        text: expect.stringMatching(/^10 years after/),
      },
    });
    expect(kept.explanation).toContain("Kept, detached from your account");
    const phones = await prisma.customerPhone.count({ where: { customerId: viewer.customerId } });
    if (phones) expect(entry("Phone numbers")).toMatchObject([{ count: phones, action: "DELETE", rule: null }]);
    // Data sets with nothing to erase are not listed.
    expect(plan.entries.every((e) => e.count > 0)).toBe(true);
    // Asking for the plan changes nothing.
    expect(await prisma.deletionRequest.count({ where: { customerId: viewer.customerId } })).toBe(0);
  });

  it("is computed for the scheduled date once erasure is scheduled", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    await ask(viewer);
    const confirmed = await confirm(viewer, await deletionToken(viewer.customerId));
    const result = await gql("{ viewer { customer { deletionPlan { erasureDate } } } }", {}, viewer);
    expect(result.data).toEqual({
      viewer: { customer: { deletionPlan: { erasureDate: confirmed.deletionRequest?.scheduledFor } } },
    });
  });
});

describe("asking, confirming and cancelling through GraphQL", () => {
  it("goes from nothing to awaiting confirmation to scheduled, visible as the open request and by node(id:)", async () => {
    const viewer = await signedInViewer({ shop: "micro-image" });
    expect(await openRequest(viewer)).toBeNull();

    const asked = await ask(viewer);
    expect(asked.userErrors).toEqual([]);
    const request = asked.deletionRequest;
    if (!request) throw new Error("no request");
    const row = await getPrisma().deletionRequest.findFirstOrThrow({ where: { customerId: viewer.customerId } });
    expect(request).toEqual({
      id: toGlobalId("DeletionRequest", row.id),
      status: "AWAITING_CONFIRMATION",
      requestedAt: row.requestedAt.toISOString(),
      confirmationExpiresAt: row.tokenExpiresAt?.toISOString(),
      confirmedAt: null,
      scheduledFor: null,
      cancelledAt: null,
      completedAt: null,
    });
    expect(await openRequest(viewer)).toEqual(request);
    expect(await node(request.id, viewer)).toEqual({
      id: request.id,
      status: "AWAITING_CONFIRMATION",
      scheduledFor: null,
    });

    const confirmed = await confirm(viewer, await deletionToken(viewer.customerId));
    expect(confirmed.userErrors).toEqual([]);
    const scheduled = await getPrisma().deletionRequest.findUniqueOrThrow({ where: { id: row.id } });
    expect(confirmed.deletionRequest).toEqual({
      ...request,
      status: "SCHEDULED",
      // The link is used: no expiry to show.
      confirmationExpiresAt: null,
      confirmedAt: scheduled.confirmedAt?.toISOString(),
      scheduledFor: scheduled.scheduledFor?.toISOString(),
    });
    expect(await openRequest(viewer)).toEqual(confirmed.deletionRequest);

    const cancelled = await cancel(viewer);
    expect(cancelled.userErrors).toEqual([]);
    expect(cancelled.deletionRequest).toMatchObject({ id: request.id, status: "CANCELLED" });
    expect(cancelled.deletionRequest?.cancelledAt).toEqual(expect.any(String));
    // No longer open, still readable by its id.
    expect(await openRequest(viewer)).toBeNull();
    expect(await node(request.id, viewer)).toMatchObject({ id: request.id, status: "CANCELLED" });
  });

  it("answers a wrong password or typed word on its field, with no request", async () => {
    const viewer = await signedInViewer({ shop: "allegra" });
    expect(await ask(viewer, { password: "wrong-password", confirmation: "DELETE" })).toEqual({
      deletionRequest: null,
      userErrors: [{ field: ["input", "password"], code: "INVALID_INPUT", message: "The password is not right." }],
    });
    expect(await ask(viewer, { password: TEST_PASSWORD, confirmation: "ERASE" })).toEqual({
      deletionRequest: null,
      userErrors: [{ field: ["input", "confirmation"], code: "INVALID_INPUT", message: "Type DELETE to confirm." }],
    });
    expect(await ask(viewer, { password: "", confirmation: "DELETE" })).toEqual({
      deletionRequest: null,
      userErrors: [{ field: ["input", "password"], code: "INVALID_INPUT", message: "Enter your password." }],
    });
    expect(await getPrisma().deletionRequest.count({ where: { customerId: viewer.customerId } })).toBe(0);
  });

  it("answers a bad link on the token field, a second request while scheduled with CONFLICT, and cancelling nothing with NOT_FOUND", async () => {
    const viewer = await signedInViewer({ shop: "crystalline" });
    expect(await cancel(viewer)).toEqual({
      deletionRequest: null,
      userErrors: [{ field: null, code: "NOT_FOUND", message: "There is no deletion request to cancel." }],
    });
    await ask(viewer);
    const bad = await confirm(viewer, "not-a-token");
    expect(bad.deletionRequest).toBeNull();
    expect(bad.userErrors).toEqual([
      { field: ["input", "token"], code: "INVALID_INPUT", message: expect.stringMatching(/not valid/) },
    ]);
    const token = await deletionToken(viewer.customerId);
    expect((await confirm(viewer, token)).deletionRequest?.status).toBe("SCHEDULED");
    expect((await confirm(viewer, token)).userErrors).toEqual([
      { field: ["input", "token"], code: "INVALID_INPUT", message: "This link was already used." },
    ]);
    expect(await ask(viewer)).toEqual({
      deletionRequest: null,
      userErrors: [{ field: null, code: "CONFLICT", message: expect.stringMatching(/already scheduled/) }],
    });
  });
});

describe("denied access", () => {
  // A customer of crystalline with an open, confirmed request.
  async function owner(): Promise<{ viewer: CustomerViewer; id: string; token: string }> {
    const viewer = await signedInViewer({ shop: "crystalline" });
    const asked = await ask(viewer);
    const token = await deletionToken(viewer.customerId);
    return { viewer, id: asked.deletionRequest?.id ?? "", token };
  }

  it("signed out: no plan or request to read, every mutation UNAUTHENTICATED, node(id:) null", async () => {
    const { id, token } = await owner();
    const plan = await gql(PLAN, {}, ANONYMOUS);
    expect(plan.errors).toBeUndefined();
    expect(plan.data).toEqual({ viewer: { customer: null } });
    expect((await gql(OPEN, {}, ANONYMOUS)).data).toEqual({ viewer: { customer: null } });
    const unauthenticated = [{ field: null, code: "UNAUTHENTICATED", message: "Sign in to continue." }];
    expect(await ask(ANONYMOUS)).toEqual({ deletionRequest: null, userErrors: unauthenticated });
    expect(await confirm(ANONYMOUS, token)).toEqual({ deletionRequest: null, userErrors: unauthenticated });
    expect(await cancel(ANONYMOUS)).toEqual({ deletionRequest: null, userErrors: unauthenticated });
    expect(await node(id, ANONYMOUS)).toBeNull();
    expect(await statusOf(id)).toBe("AWAITING_CONFIRMATION");
  });

  it.each([
    ["another customer of the shop", "crystalline"],
    ["a customer of another shop", "allegra"],
  ])("%s can neither see, confirm nor cancel the request", async (_case, shop) => {
    const a = await owner();
    const b = await signedInViewer({ shop });
    expect(await openRequest(b)).toBeNull();
    expect(await node(a.id, b)).toBeNull();
    const confirmed = await confirm(b, a.token);
    expect(confirmed.deletionRequest).toBeNull();
    expect(confirmed.userErrors).toEqual([
      {
        field: ["input", "token"],
        code: "INVALID_INPUT",
        message: expect.stringMatching(/not valid for your account/),
      },
    ]);
    expect(await cancel(b)).toMatchObject({ deletionRequest: null, userErrors: [{ code: "NOT_FOUND" }] });
    expect(await statusOf(a.id)).toBe("AWAITING_CONFIRMATION");
    // B's own plan is B's: it never counts A's records.
    const plan = await gql(PLAN, {}, b);
    const entries = (plan.data as { viewer: { customer: { deletionPlan: { entries: PlanEntryResult[] } } } }).viewer
      .customer.deletionPlan.entries;
    expect(entries.find((e) => e.dataSet === "Account deletion requests")).toBeUndefined();
    // A's link still works for A.
    expect((await confirm(a.viewer, a.token)).deletionRequest?.status).toBe("SCHEDULED");
  });

  it("the owner's account id in another shop's session reaches nothing", async () => {
    const a = await owner();
    const elsewhere = await signedInViewer({ shop: "allegra" });
    const crossed: CustomerViewer = { ...a.viewer, shop: elsewhere.shop };
    expect(await node(a.id, crossed)).toBeNull();
    expect((await confirm(crossed, a.token)).userErrors).toMatchObject([{ field: ["input", "token"] }]);
    expect(await cancel(crossed)).toMatchObject({ deletionRequest: null, userErrors: [{ code: "NOT_FOUND" }] });
    expect(await statusOf(a.id)).toBe("AWAITING_CONFIRMATION");
    expect(await getPrisma().job.count({ where: { kind: ERASURE_JOB, key: rawId(a.id) } })).toBe(0);
  });

  it("node(id:) ignores malformed ids and ids of other types", async () => {
    const a = await owner();
    const raw = rawId(a.id);
    expect(await node(toGlobalId("DeletionRequest", "not-a-uuid"), a.viewer)).toBeNull();
    expect(await node(toGlobalId("DeletionRequest", a.viewer.customerId), a.viewer)).toBeNull();
    expect(await node(toGlobalId("Export", raw), a.viewer)).toBeNull();
    expect(await node(a.id, a.viewer)).toMatchObject({ id: a.id });
  });
});
