import { describe, expect, it } from "vitest";
import { toGlobalId } from "@/graphql/global-id";
import { getPrisma } from "@/server/db";
import { signedInViewer, uniqueEmail } from "../factories";
import { gql } from "../support/graphql";

const VIEWER = "{ viewer { isSignedIn customer { id email displayName } shop { handle name } } }";

describe("viewer", () => {
  it("is empty when signed out", async () => {
    const { data, errors } = await gql(VIEWER);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ viewer: { isSignedIn: false, customer: null, shop: null } });
  });

  it("is the signed-in customer with their own shop", async () => {
    const viewer = await signedInViewer({ shop: "crystalline" });
    const customer = await getPrisma().customer.findUniqueOrThrow({ where: { id: viewer.customerId } });
    const { data } = await gql(VIEWER, {}, viewer);
    expect(data).toEqual({
      viewer: {
        isSignedIn: true,
        customer: { id: toGlobalId("Customer", customer.id), email: customer.email, displayName: "Ana Popescu" },
        shop: { handle: "crystalline", name: "Crystalline" },
      },
    });
  });
});

describe("node(id:)", () => {
  const NODE = "query($id: ID!) { node(id: $id) { id ... on Customer { email } ... on Shop { handle } } }";

  it("returns the viewer's own customer record", async () => {
    const viewer = await signedInViewer();
    const id = toGlobalId("Customer", viewer.customerId);
    const { data } = await gql(NODE, { id }, viewer);
    expect(data?.node).toMatchObject({ id });
  });

  it("hides another customer of the same shop, of another shop, and from a signed-out caller", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    const sameShop = await signedInViewer({ shop: "almaz" });
    const otherShop = await signedInViewer({ shop: "allegra" });
    for (const [target, asViewer] of [
      [sameShop.customerId, viewer],
      [otherShop.customerId, viewer],
      [viewer.customerId, undefined],
    ] as const) {
      const { data, errors } = await gql(NODE, { id: toGlobalId("Customer", target) }, asViewer);
      expect(errors).toBeUndefined();
      expect(data?.node).toBeNull();
    }
  });

  it("resolves public shops and ignores malformed ids", async () => {
    const shop = await getPrisma().shop.findUniqueOrThrow({ where: { handle: "allegra" } });
    expect((await gql(NODE, { id: toGlobalId("Shop", shop.id) })).data?.node).toMatchObject({ handle: "allegra" });
    expect((await gql(NODE, { id: "%%%" })).data?.node).toBeNull();
    expect((await gql(NODE, { id: toGlobalId("Order", shop.id) })).data?.node).toBeNull();
  });
});

describe("shop(handle:)", () => {
  it("serves the public policy profile without sign-in", async () => {
    const { data } = await gql(`{
      shop(handle: "micro-image") {
        name
        policy {
          controllers { name role }
          retention { key text keepOnErasure duration { years text } }
          purposes { key legalBasis }
          requests { responseDeadline { text } }
          deletion { canReRegister }
          features { nationalIdLabel }
        }
      }
    }`);
    const shop = data?.shop as {
      policy: {
        controllers: { role: string }[];
        retention: { text: string }[];
        purposes: { legalBasis: string }[];
        requests: { responseDeadline: { text: string } };
        features: { nationalIdLabel: string };
      };
    };
    expect(shop.policy.controllers.map((c) => c.role)).toEqual(["joint-controller", "joint-controller"]);
    expect(shop.policy.retention.some((r) => r.text.startsWith("3 years after"))).toBe(true);
    expect(shop.policy.purposes.every((p) => /^[A-Z_]+$/.test(p.legalBasis))).toBe(true);
    expect(shop.policy.requests.responseDeadline.text).toBe("1 month");
    expect(shop.policy.features.nationalIdLabel).toBe("CNP");
  });

  it("returns null for an unknown handle", async () => {
    expect((await gql('{ shop(handle: "nope") { name } }')).data).toEqual({ shop: null });
  });
});

type Payload = { customer: { email: string } | null; userErrors: { field: string[] | null; code: string }[] };
const payloadOf = (result: { data?: Record<string, unknown> | null }) => result.data?.customerSignUp as Payload;

describe("customerSignUp", () => {
  const SIGN_UP = `mutation($input: CustomerSignUpInput!) {
    customerSignUp(input: $input) { customer { email displayName } userErrors { field code message } }
  }`;
  const input = (overrides: Record<string, string> = {}) => ({
    shop: "allegra",
    email: uniqueEmail("new"),
    password: "a-long-password",
    firstName: "Eleni",
    lastName: "Papadopoulou",
    ...overrides,
  });

  it("opens an account with a hashed password", async () => {
    const values = input({ email: `  ${uniqueEmail("New").toUpperCase()} ` });
    const { data } = await gql(SIGN_UP, { input: values });
    const payload = data?.customerSignUp as { customer: { email: string }; userErrors: unknown[] };
    expect(payload.userErrors).toEqual([]);
    expect(payload.customer.email).toBe(values.email.trim().toLowerCase());
    const stored = await getPrisma().customer.findFirstOrThrow({ where: { email: payload.customer.email } });
    expect(stored.passwordHash).toMatch(/^scrypt\$/);
  });

  it("returns field errors for bad input and creates nothing", async () => {
    const email = uniqueEmail("bad");
    const { data } = await gql(SIGN_UP, { input: input({ email, password: "short", firstName: " " }) });
    const payload = data?.customerSignUp as { customer: null; userErrors: { field: string[]; code: string }[] };
    expect(payload.customer).toBeNull();
    expect(payload.userErrors.map((e) => e.field.join("."))).toEqual(["input.password", "input.firstName"]);
    expect(payload.userErrors.every((e) => e.code === "INVALID_INPUT")).toBe(true);
    expect(await getPrisma().customer.count({ where: { email } })).toBe(0);
  });

  it("refuses a duplicate email in the same shop but allows it in another shop", async () => {
    const email = uniqueEmail("dup");
    await gql(SIGN_UP, { input: input({ email }) });
    const again = await gql(SIGN_UP, { input: input({ email }) });
    expect(payloadOf(again).userErrors[0].code).toBe("CONFLICT");
    const elsewhere = await gql(SIGN_UP, { input: input({ email, shop: "almaz" }) });
    expect(payloadOf(elsewhere).userErrors).toEqual([]);
  });

  it("refuses an unknown shop and a signed-in caller", async () => {
    const unknown = await gql(SIGN_UP, { input: input({ shop: "nowhere" }) });
    expect(payloadOf(unknown).userErrors[0].code).toBe("NOT_FOUND");
    const viewer = await signedInViewer();
    const signedIn = await gql(SIGN_UP, { input: input() }, viewer);
    expect(payloadOf(signedIn).userErrors[0].code).toBe("FORBIDDEN");
  });
});

describe("API limits and errors", () => {
  it("refuses too many aliases before running anything", async () => {
    const fields = Array.from({ length: 31 }, (_, i) => `a${i}: viewer { isSignedIn }`).join(" ");
    const { errors, data } = await gql(`{ ${fields} }`);
    expect(data).toBeUndefined();
    expect(errors?.[0]).toMatchObject({
      message: "Query uses 31 aliases; the limit is 30.",
      extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
    });
  });

  it("reports the query cost in extensions", async () => {
    const result = await gql("{ shops { handle } }");
    expect(result.extensions?.cost).toEqual({ requestedQueryCost: 2, actualQueryCost: 2, throttleStatus: null });
  });

  it("hides field suggestions", async () => {
    const { errors } = await gql("{ viewer { custome { id } } }");
    expect(errors?.[0].message).not.toMatch(/Did you mean/);
    expect(errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});
