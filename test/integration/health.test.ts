import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/health/route";
import { countQueries, getPrisma } from "@/server/db";

const get = (query = "") => GET(new NextRequest(`http://localhost/api/health${query}`));

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe("GET /api/health", () => {
  it("answers liveness without touching the database", async () => {
    const { result: response, queries } = await countQueries(() => get());
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok" });
    expect(queries).toBe(0);
  });

  it("answers ready after one query on the database", async () => {
    const { result: response, queries } = await countQueries(() => get("?ready"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ready" });
    expect(queries).toBe(1);
  });

  it("answers 503 when the database query fails, and logs no details", async () => {
    vi.spyOn(getPrisma(), "$queryRaw").mockRejectedValue(
      new Error('connect ECONNREFUSED: password authentication failed for user "alice@example.com"'),
    );
    vi.stubEnv("LOG_LEVEL", "info");
    const logged: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((line) => {
      logged.push(String(line));
      return true;
    });
    const response = await get("?ready");
    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ status: "unavailable" });
    expect(text).not.toMatch(/ECONNREFUSED|alice/);
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0])).toMatchObject({ event: "health.database-unavailable", errorName: "Error" });
    expect(logged[0]).not.toMatch(/ECONNREFUSED|alice/);
  });

  it("answers 503 when the database does not answer in time", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    vi.spyOn(getPrisma(), "$queryRaw").mockReturnValue(new Promise(() => undefined) as never);
    const pending = get("?ready");
    await vi.advanceTimersByTimeAsync(5_000);
    const response = await pending;
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable" });
  });

  it("keeps liveness at 200 while the database is down", async () => {
    vi.spyOn(getPrisma(), "$queryRaw").mockRejectedValue(new Error("down"));
    expect((await get()).status).toBe(200);
    expect((await get("?ready")).status).toBe(503);
  });
});
