import { describe, expect, it } from "vitest";
import { toGlobalId } from "@/graphql/global-id";
import { getAccessLog } from "@/server/access-log";
import { signInWithPassword } from "@/server/auth/sign-in";
import {
  type AgentViewer,
  ANONYMOUS,
  type CustomerViewer,
  NO_REQUEST,
  resolveSessionViewer,
} from "@/server/auth/viewer";
import { getPrisma } from "@/server/db";
import { agentViewer, createCustomer, impersonating, shop, signedInViewer, TEST_PASSWORD } from "../factories";
import { gql } from "../support/graphql";

// The customer's access log and support access through the real GraphQL server: what
// the access log page (app/[shop]/account/privacy/access-log) reads and changes.

type Step = { action: string; subject: string | null; fields: string[] };
type Entry = {
  id: string;
  kind: string;
  ipMasked: string | null;
  userAgent: string | null;
  actorName: string | null;
  supportSession: {
    agentName: string;
    reason: string;
    ticket: string;
    endedAt: string | null;
    endReason: string | null;
    steps: Step[];
  } | null;
};
type LogPage = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: Entry }[];
};
type UserError = { field: string[] | null; code: string; message: string };

const ACCESS_LOG = `query($first: Int, $after: String) {
  viewer { customer { accessLog(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id kind ipMasked userAgent actorName
      supportSession { agentName reason ticket endedAt endReason steps { action subject fields } }
    } }
  } } }
}`;
const SUPPORT_ACCESS =
  "{ viewer { customer { supportAccess { isPermissionRequired isAllowed grantedAt expiresAt } } } }";
const GRANT = `mutation($duration: SupportAccessDuration!) {
  supportAccessGrant(input: { duration: $duration }) {
    supportAccess { isPermissionRequired isAllowed grantedAt expiresAt }
    userErrors { field code message }
  }
}`;
const REVOKE = `mutation { supportAccessRevoke {
  supportAccess { isPermissionRequired isAllowed grantedAt expiresAt }
  userErrors { field code message }
} }`;
const START = `mutation($customerId: ID!) {
  impersonationStart(input: { customerId: $customerId, reason: "The customer asked us to fix their address", ticket: "T-2002" }) {
    impersonation { id endedAt }
    userErrors { field code message }
  }
}`;

async function accessLog(viewer: CustomerViewer | AgentViewer, variables: Record<string, unknown> = {}) {
  const result = await gql(ACCESS_LOG, variables, viewer);
  expect(result.errors).toBeUndefined();
  const data = result.data as { viewer: { customer: { accessLog: LogPage } | null } };
  if (!data.viewer.customer) throw new Error("no customer");
  return data.viewer.customer.accessLog;
}

async function payload<T>(query: string, variables: Record<string, unknown>, viewer: Parameters<typeof gql>[2]) {
  const result = await gql(query, variables, viewer);
  expect(result.errors).toBeUndefined();
  const [value] = Object.values(result.data ?? {});
  return value as T & { userErrors: UserError[] };
}

type AccessPayload = {
  supportAccess: {
    isPermissionRequired: boolean;
    isAllowed: boolean;
    grantedAt: string | null;
    expiresAt: string | null;
  };
};

describe("the access log", () => {
  it("lists sign-ins with masked addresses and a support session with its reason, ticket and steps, newest first", async () => {
    const customer = await signedInViewer();
    const prisma = getPrisma();
    const day = 24 * 3600_000;
    const email = (await prisma.customer.findUniqueOrThrow({ where: { id: customer.customerId } })).email;
    await prisma.signInEvent.createMany({
      data: [
        {
          shopId: customer.shop.id,
          customerId: customer.customerId,
          method: "password",
          isSuccessful: true,
          ip: "203.0.113.42",
          userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0",
          at: new Date(Date.now() - 3 * day),
        },
        {
          shopId: customer.shop.id,
          customerId: customer.customerId,
          method: "password",
          isSuccessful: false,
          ip: "2001:db8:85a3:0:0:8a2e:370:7334",
          userAgent: null,
          at: new Date(Date.now() - 2 * day),
        },
      ],
    });
    const signedIn = await signInWithPassword(
      { shop: "almaz", email, password: TEST_PASSWORD },
      { ip: "198.51.100.7", userAgent: "vitest", source: "web" },
    );
    expect(signedIn.ok).toBe(true);

    // A support agent opens the account, looks at the data, corrects an address and a
    // name, and is refused an email change.
    const agent = await impersonating(await agentViewer(), customer.customerId);
    const data = await gql("{ viewer { customer { addresses { id } } } }", {}, agent);
    expect(data.errors).toBeUndefined();
    const created = await payload<{ address: { id: string } | null }>(
      `mutation($input: AddressInput!) { addressCreate(input: $input) { address { id } userErrors { field code message } } }`,
      {
        input: {
          recipientName: "Ana Popescu",
          line1: "Strada Lipscani 12",
          city: "București",
          postalCode: "030031",
          country: "RO",
        },
      },
      agent,
    );
    expect(created.userErrors).toEqual([]);
    const corrected = await payload<{ customer: { firstName: string } | null }>(
      `mutation { customerUpdate(input: { firstName: "Anna", lastName: "Popescu-Ionescu" }) { customer { firstName } userErrors { field code message } } }`,
      {},
      agent,
    );
    expect(corrected.userErrors).toEqual([]);
    const refused = await payload<{ pendingEmail: string | null }>(
      `mutation { customerEmailChangeRequest(input: { newEmail: "new@test.example", password: "whatever-1234" }) { pendingEmail userErrors { field code message } } }`,
      {},
      agent,
    );
    expect(refused.pendingEmail).toBeNull();
    expect(refused.userErrors.map((e) => e.code)).toEqual(["FORBIDDEN"]);

    const log = await accessLog(customer);
    expect(log.totalCount).toBe(4);
    expect(log.edges.map((e) => e.node.kind)).toEqual(["SUPPORT_SESSION", "SIGN_IN", "SIGN_IN_FAILED", "SIGN_IN"]);
    const [session, latest, failed, oldest] = log.edges.map((e) => e.node);
    expect(latest).toMatchObject({ ipMasked: "198.51.100.x", userAgent: "vitest" });
    expect(failed).toMatchObject({ ipMasked: "2001:db8:85a3:…", userAgent: null });
    expect(oldest?.ipMasked).toBe("203.0.113.x");
    // No full address anywhere in the answer.
    expect(JSON.stringify(log)).not.toMatch(/203\.0\.113\.42|198\.51\.100\.7|8a2e/);

    expect(session?.actorName).toBe("Sam from support");
    expect(session?.supportSession).toMatchObject({
      agentName: "Sam from support",
      reason: "The customer asked us to fix their address",
      ticket: "T-1001",
      endedAt: null,
    });
    const steps = session?.supportSession?.steps ?? [];
    // Viewing the account lists two kinds of data: its details and the address book.
    expect(steps.map((s) => s.action)).toEqual([
      "impersonation.start",
      "impersonation.view",
      "impersonation.view",
      "address.create",
      "customer.update",
      "impersonation.refused",
    ]);
    expect(steps.filter((s) => s.action === "impersonation.view").map((s) => s.subject)).toContain("data.read");
    expect(steps[4]?.fields.sort()).toEqual(["firstName", "lastName"]);
    expect(steps[5]?.subject).toBe("email.change");

    // Paging: two at a time, newest first, without repeats.
    const first = await accessLog(customer, { first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await accessLog(customer, { first: 2, after: first.pageInfo.endCursor });
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect([...first.edges, ...second.edges].map((e) => e.node.id)).toEqual(log.edges.map((e) => e.node.id));

    // The agent, still in the session, sees the same log (and is seen reading it).
    const asAgent = await accessLog(agent);
    expect(asAgent.edges.map((e) => e.node.id)).toEqual(log.edges.map((e) => e.node.id));
  });

  it("lists each kind of data an agent viewed once per session, even when pages read it at the same time", async () => {
    const customer = await signedInViewer();
    const agent = await impersonating(await agentViewer(), customer.customerId);
    // A page asks several things at once (layout, banner, page): all read the account.
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => gql("{ viewer { customer { email addresses { id } } } }", {}, agent)),
    );
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    const [session] = (await accessLog(customer)).edges.map((e) => e.node);
    const views = (session?.supportSession?.steps ?? []).filter((s) => s.action === "impersonation.view");
    expect(views.length).toBeGreaterThan(0);
    expect(new Set(views.map((s) => s.subject)).size).toBe(views.length);
  });

  it("shows another customer of the same shop and of another shop nothing of it", async () => {
    const customer = await signedInViewer();
    await getPrisma().signInEvent.create({
      data: {
        shopId: customer.shop.id,
        customerId: customer.customerId,
        method: "password",
        isSuccessful: true,
        ip: "203.0.113.9",
      },
    });
    await impersonating(await agentViewer(), customer.customerId);
    expect((await accessLog(customer)).totalCount).toBe(2);

    for (const other of [await signedInViewer(), await signedInViewer({ shop: "allegra" })]) {
      const log = await accessLog(other);
      expect(log).toMatchObject({ totalCount: 0, edges: [] });
      // Asking for the first customer by id answers nothing about them.
      await expect(getAccessLog({ viewer: other, customerId: customer.customerId })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
  });

  it("answers signed-out callers UNAUTHENTICATED", async () => {
    const result = await gql(ACCESS_LOG, {}, ANONYMOUS);
    expect(result.data).toEqual({ viewer: { customer: null } });
    await expect(getAccessLog({ viewer: ANONYMOUS })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    for (const [query, variables] of [
      [GRANT, { duration: "HOURS_24" }],
      [REVOKE, {}],
    ] as const) {
      const answer = await payload<AccessPayload>(query, variables, ANONYMOUS);
      expect(answer.supportAccess).toBeNull();
      expect(answer.userErrors.map((e) => e.code)).toEqual(["UNAUTHENTICATED"]);
    }
  });

  it("rejects a cursor that is not one", async () => {
    const customer = await signedInViewer();
    const result = await gql(ACCESS_LOG, { after: "not-a-cursor" }, customer);
    expect(result.errors?.[0]?.extensions?.code).toBe("INVALID_INPUT");
  });
});

describe("support access", () => {
  it("where the shop asks first: refused until the customer allows it, and withdrawing ends the open session", async () => {
    const almaz = await shop("almaz");
    const features = almaz.profile.features;
    const before = features.impersonationNeedsPermission;
    features.impersonationNeedsPermission = true;
    try {
      const customer = await signedInViewer();
      const agent = await agentViewer();
      const customerId = toGlobalId("Customer", customer.customerId);

      const access = await gql(SUPPORT_ACCESS, {}, customer);
      expect(access.data).toEqual({
        viewer: {
          customer: {
            supportAccess: { isPermissionRequired: true, isAllowed: false, grantedAt: null, expiresAt: null },
          },
        },
      });
      const refused = await payload<{ impersonation: unknown }>(START, { customerId }, agent);
      expect(refused.impersonation).toBeNull();
      expect(refused.userErrors.map((e) => e.code)).toEqual(["FORBIDDEN"]);

      const granted = await payload<AccessPayload>(GRANT, { duration: "DAYS_7" }, customer);
      expect(granted.userErrors).toEqual([]);
      expect(granted.supportAccess).toMatchObject({ isPermissionRequired: true, isAllowed: true });
      const expiresIn = new Date(granted.supportAccess?.expiresAt ?? 0).getTime() - Date.now();
      expect(expiresIn).toBeGreaterThan(7 * 24 * 3600_000 - 60_000);
      expect(expiresIn).toBeLessThanOrEqual(7 * 24 * 3600_000);

      const started = await payload<{ impersonation: { id: string } | null }>(START, { customerId }, agent);
      expect(started.userErrors).toEqual([]);
      const acting = await resolveSessionViewer(agent.sessionId, NO_REQUEST, "agent");
      expect(acting.kind === "agent" && acting.impersonation?.customerId).toBe(customer.customerId);

      // The agent cannot give themselves (or take away) the customer's permission.
      const grantedByAgent = await payload<AccessPayload>(GRANT, { duration: "UNTIL_REVOKED" }, acting);
      expect(grantedByAgent.supportAccess).toBeNull();
      expect(grantedByAgent.userErrors.map((e) => e.code)).toEqual(["FORBIDDEN"]);
      const refusal = await getPrisma().auditEvent.findFirst({
        where: { customerId: customer.customerId, action: "impersonation.refused", actorId: agent.agent.id },
        orderBy: { sequence: "desc" },
        select: { details: true, actorType: true },
      });
      expect(refusal).toMatchObject({ actorType: "AGENT", details: { attempted: "support-access.manage" } });

      const revoked = await payload<AccessPayload>(REVOKE, {}, customer);
      expect(revoked.userErrors).toEqual([]);
      expect(revoked.supportAccess).toMatchObject({ isPermissionRequired: true, isAllowed: false, expiresAt: null });
      const after = await resolveSessionViewer(agent.sessionId, NO_REQUEST, "agent");
      expect(after.kind === "agent" && after.impersonation).toBeNull();

      const log = await accessLog(customer);
      const [session] = log.edges.map((e) => e.node);
      expect(session?.supportSession).toMatchObject({ endReason: "REVOKED" });
      const tail = session?.supportSession?.steps.slice(-2) ?? [];
      expect(tail.map((s) => [s.action, s.subject])).toEqual([
        ["impersonation.refused", "support-access.manage"],
        ["impersonation.end", null],
      ]);

      // Refused again, until the customer allows it again.
      const again = await payload<{ impersonation: unknown }>(START, { customerId }, agent);
      expect(again.userErrors.map((e) => e.code)).toEqual(["FORBIDDEN"]);
    } finally {
      features.impersonationNeedsPermission = before;
    }
  });

  it("where the shop does not ask: support may open the account, and the customer can end an open session", async () => {
    const customer = await signedInViewer();
    const access = await gql(SUPPORT_ACCESS, {}, customer);
    expect(access.data).toEqual({
      viewer: {
        customer: { supportAccess: { isPermissionRequired: false, isAllowed: true, grantedAt: null, expiresAt: null } },
      },
    });
    const agent = await impersonating(await agentViewer(), customer.customerId);
    const ended = await payload<AccessPayload>(REVOKE, {}, customer);
    expect(ended.userErrors).toEqual([]);
    expect(ended.supportAccess).toMatchObject({ isPermissionRequired: false, isAllowed: true });
    const after = await resolveSessionViewer(agent.sessionId, NO_REQUEST, "agent");
    expect(after.kind === "agent" && after.impersonation).toBeNull();
    const row = await getPrisma().impersonation.findFirstOrThrow({ where: { customerId: customer.customerId } });
    expect(row.endReason).toBe("REVOKED");
  });

  it("does not let an agent of another shop into the account", async () => {
    const customer = await createCustomer();
    const foreign = await agentViewer({ shop: "allegra" });
    const answer = await payload<{ impersonation: unknown }>(
      START,
      { customerId: toGlobalId("Customer", customer.id) },
      foreign,
    );
    expect(answer.impersonation).toBeNull();
    expect(answer.userErrors.map((e) => e.code)).toEqual(["NOT_FOUND"]);
  });
});
