import { readFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET, POST } from "@/app/api/graphql/route";
import { GET as getSchema } from "@/app/api/graphql/schema.graphql/route";
import { SESSION_COOKIE } from "@/server/auth/options";
import { signedInViewer, uniqueEmail } from "../factories";
import { partnerKey } from "../factories/partner";

// Limits, extensions.cost and the partner throttle through the real route handler
// (Next request in, HTTP status and headers out).

const URL = "http://localhost/api/graphql";
const SECRET = "graphql-limits-test-secret-0123456789abcdef";

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read as untyped JSON
type Body = { data?: Record<string, any> | null; errors?: { message: string; extensions?: any }[]; extensions?: any };

async function call(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: Body }> {
  const response = await POST(
    new NextRequest(URL, {
      method: "POST",
      body: JSON.stringify({ query, variables }),
      headers: { "content-type": "application/json", ...headers },
    }),
  );
  return { status: response.status, headers: response.headers, body: await response.json() };
}

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const typenames = (n: number) => `{ ${Array.from({ length: n }, () => "__typename").join(" ")} }`;
const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `t${i}: __typename`).join(" ")} }`;

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("extensions.cost", () => {
  it("is on every response: requested, actual (counted on the result), no throttle for a non-partner", async () => {
    const { status, body } = await call("{ viewer { isSignedIn customer { id email } } }");
    expect(status).toBe(200);
    // viewer + isSignedIn + customer + id + email requested; customer is null.
    expect(body.extensions?.cost).toEqual({ requestedQueryCost: 5, actualQueryCost: 3, throttleStatus: null });
  });

  it("charges __typename: 500 of them cost 500, not 0", async () => {
    const { body } = await call(typenames(500));
    expect(body.errors).toBeUndefined();
    expect(body.extensions?.cost).toMatchObject({ requestedQueryCost: 500, actualQueryCost: 1 });
  });

  it("is on validation failures too", async () => {
    const { status, body } = await call("{ viewer { nope } }");
    expect(status).toBe(400);
    expect(body.extensions?.cost).toMatchObject({ actualQueryCost: 0, throttleStatus: null });
  });

  it("shows a partner key's bucket (Shopify's throttleStatus)", async () => {
    const { secret } = await partnerKey({ scopes: ["policy:read"] });
    const { status, body } = await call(aliased(4), {}, bearer(secret));
    expect(status).toBe(200);
    expect(body.extensions?.cost).toEqual({
      requestedQueryCost: 4,
      actualQueryCost: 4,
      throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 996, restoreRate: 50 },
    });
  });
});

describe("partner throttle over HTTP", () => {
  it("refuses a request over budget with 429, Retry-After, THROTTLED and the cost extension", async () => {
    vi.stubEnv("API_THROTTLE_MAXIMUM_AVAILABLE", "10");
    vi.stubEnv("API_THROTTLE_RESTORE_RATE", "1");
    const { secret } = await partnerKey({ scopes: ["policy:read"] });
    const first = await call(aliased(6), {}, bearer(secret));
    expect(first.status).toBe(200);
    expect(first.body.extensions?.cost.throttleStatus).toMatchObject({ maximumAvailable: 10, currentlyAvailable: 4 });

    const second = await call(aliased(6), {}, bearer(secret));
    expect(second.status).toBe(429);
    const retryAfter = Number(second.headers.get("retry-after"));
    // 4 points left, 6 wanted, 1 point a second.
    expect(retryAfter).toBe(2);
    expect(second.body.data).toBeUndefined();
    expect(second.body.errors).toHaveLength(1);
    expect(second.body.errors?.[0].extensions.code).toBe("THROTTLED");
    expect(second.body.extensions?.cost).toMatchObject({
      requestedQueryCost: 6,
      actualQueryCost: 0,
      throttleStatus: { maximumAvailable: 10, currentlyAvailable: 4, restoreRate: 1 },
    });

    // A cheaper query still fits; another key has its own bucket.
    expect((await call(aliased(3), {}, bearer(secret))).status).toBe(200);
    const other = await partnerKey({ scopes: ["policy:read"] });
    expect((await call(aliased(6), {}, bearer(other.secret))).status).toBe(200);
  });

  it("refuses a query that could never fit the bucket as too costly, not as throttled", async () => {
    const { secret } = await partnerKey({ scopes: ["policy:read"] });
    const page = "(first: 100) { edges { cursor node { id } } }";
    const query = `{ viewer { customer { orders${page} invoices${page} warrantyCertificates${page} } } }`;
    const { status, headers, body } = await call(query, {}, bearer(secret));
    expect(status).toBe(400);
    expect(headers.get("retry-after")).toBeNull();
    expect(body.errors?.[0].extensions.code).toBe("QUERY_TOO_COSTLY");
    expect(body.extensions?.cost).toMatchObject({
      // viewer + customer + 3 × (connection + 100 × (edges + cursor + node + id))
      requestedQueryCost: 2 + 3 * 401,
      throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 1000 },
    });
    // Nothing was taken.
    const after = await call("{ __typename }", {}, bearer(secret));
    expect(after.body.extensions?.cost.throttleStatus.currentlyAvailable).toBe(999);
  });
});

describe("directive, error and token caps", () => {
  it("answers too many directives with one error", async () => {
    const directives = Array.from({ length: 50 }, (_, i) => `@nope${i}`).join(" ");
    const { status, body } = await call(`{ viewer ${directives} { isSignedIn } }`);
    expect(status).toBe(400);
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0].message).toBe("Query uses 50 directives; the limit is 10.");
  });

  it("returns at most 10 errors, the last saying validation stopped", async () => {
    const unknown = Array.from({ length: 30 }, (_, i) => `nope${i}`).join(" ");
    const { status, body } = await call(`{ viewer { ${unknown} } }`);
    expect(status).toBe(400);
    expect(body.errors).toHaveLength(10);
    expect(body.errors?.[9].message).toMatch(/Too many validation errors/);
    // Ten unknown directives are within the directive cap and still at most 10 errors.
    const ten = Array.from({ length: 10 }, (_, i) => `@nope${i}`).join(" ");
    const directives = await call(`{ viewer ${ten} { isSignedIn } }`);
    expect(directives.body.errors?.length).toBeLessThanOrEqual(10);
  });

  it("refuses a document with too many tokens before validating it", async () => {
    const { status, body } = await call(typenames(3_000));
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(body.errors?.[0].message).toMatch(/3000 tokens/);
  });
});

describe("CSRF prevention", () => {
  const simpleGet = (headers: Record<string, string>) =>
    GET(new NextRequest(`${URL}?query=${encodeURIComponent("{ __typename }")}`, { headers }));

  it("lets a server-to-server GET with Authorization through without a preflight header", async () => {
    const { secret } = await partnerKey({ scopes: ["policy:read"] });
    const response = await simpleGet(bearer(secret));
    expect(response.status).toBe(200);
    expect((await response.json()).data).toEqual({ __typename: "Query" });
  });

  it("still blocks a simple request that relies on cookies", async () => {
    const get = await simpleGet({ cookie: `${SESSION_COOKIE}=x` });
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF/);
    const post = await POST(
      new NextRequest(URL, {
        method: "POST",
        body: JSON.stringify({ query: "{ __typename }" }),
        headers: { "content-type": "text/plain", cookie: `${SESSION_COOKIE}=x` },
      }),
    );
    expect(post.status).toBe(400);
    expect(await post.text()).toMatch(/CSRF/);
  });
});

describe("GraphiQL and the published schema", () => {
  it("sends a browser that opens the endpoint to GraphiQL", async () => {
    const html = await GET(new NextRequest(URL, { headers: { accept: "text/html,application/xhtml+xml" } }));
    expect(html.status).toBe(302);
    expect(html.headers.get("location")).toBe("/developers/graphiql");
    // An API client (or a GET with an operation) is answered by GraphQL.
    const api = await GET(new NextRequest(URL, { headers: { accept: "application/json" } }));
    expect(api.status).toBe(400);
    const query = await GET(
      new NextRequest(`${URL}?query=${encodeURIComponent("{ __typename }")}`, {
        headers: { accept: "text/html, application/json", "apollo-require-preflight": "1" },
      }),
    );
    expect(query.status).toBe(200);
  });

  it("serves the SDL for tools that cannot introspect in production", async () => {
    const response = getSchema();
    expect(response.headers.get("content-type")).toMatch(/text\/plain/);
    expect(await response.text()).toBe(readFileSync(path.join(process.cwd(), "graphql", "schema.graphql"), "utf8"));
  });
});

describe("unsafe text in mutation inputs over HTTP", () => {
  const BAD = { "a NUL byte": "Ana\u0000Popescu", "a lone surrogate": "Ana \uD800 Popescu" };

  for (const [name, bad] of Object.entries(BAD)) {
    it(`answers ${name} in a name with a userError, not an internal error`, async () => {
      const email = uniqueEmail("text");
      const { status, body } = await call(
        "mutation($input: CustomerSignUpInput!) { customerSignUp(input: $input) { customer { id } userErrors { field code } } }",
        { input: { shop: "almaz", email, password: "long-enough-password", firstName: bad, lastName: "Popescu" } },
      );
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data?.customerSignUp.customer).toBeNull();
      expect(body.data?.customerSignUp.userErrors).toContainEqual(
        expect.objectContaining({ field: expect.arrayContaining(["firstName"]) }),
      );
    });

    it(`answers ${name} in an address line with a userError, not an internal error`, async () => {
      vi.stubEnv("NEXTAUTH_SECRET", SECRET);
      const viewer = await signedInViewer();
      const cookie = `${SESSION_COOKIE}=${await encode({ token: { sid: viewer.sessionId }, secret: SECRET })}`;
      const input = { recipientName: "Ana Popescu", line1: bad, city: "Cluj", postalCode: "400001", country: "RO" };
      const { status, body } = await call(
        "mutation($input: AddressInput!) { addressCreate(input: $input) { address { id } userErrors { field code } } }",
        { input },
        { cookie },
      );
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data?.addressCreate.address).toBeNull();
      expect(body.data?.addressCreate.userErrors).toContainEqual(
        expect.objectContaining({ field: expect.arrayContaining(["line1"]) }),
      );
    });
  }

  it("really sends the lone surrogate as JSON's escape (the case above is not a no-op)", () => {
    expect(JSON.stringify({ s: "\uD800" })).toBe('{"s":"\\ud800"}');
  });
});
