import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/graphql/route";

const URL = "http://localhost/api/graphql";

function post(body: string, headers: Record<string, string> = { "content-type": "application/json" }) {
  return POST(new NextRequest(URL, { method: "POST", body, headers }));
}

describe("POST /api/graphql", () => {
  it("answers a query", async () => {
    const response = await post(JSON.stringify({ query: "{ viewer { isSignedIn } }" }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ data: { viewer: { isSignedIn: false } } });
  });

  it("returns 400 with a clear message for malformed GraphQL", async () => {
    const response = await post(JSON.stringify({ query: "{ viewer { " }));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors[0].extensions.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(body.errors[0].message).toMatch(/Syntax Error/);
  });

  it("returns 400 for a body that is not JSON", async () => {
    const response = await post("{not json");
    expect(response.status).toBe(400);
  });

  it("refuses oversized bodies with 413", async () => {
    const big = JSON.stringify({ query: `{ viewer { isSignedIn } } #${"x".repeat(70 * 1024)}` });
    const response = await post(big);
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses batched operations", async () => {
    const one = { query: "{ viewer { isSignedIn } }" };
    const response = await post(JSON.stringify([one, one]));
    expect(response.status).toBe(400);
  });

  it("blocks simple (CSRF-able) requests", async () => {
    const response = await post(JSON.stringify({ query: "{ viewer { isSignedIn } }" }), {
      "content-type": "text/plain",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/);
    const get = await GET(new NextRequest(`${URL}?query=${encodeURIComponent("{ viewer { isSignedIn } }")}`));
    expect(get.status).toBe(400);
  });
});
