import { describe, expect, it } from "vitest";
import { fromGlobalId, toGlobalId } from "@/graphql/global-id";

describe("global IDs", () => {
  it("round-trips and is opaque", () => {
    const id = toGlobalId("Customer", "0196f0b2-0000-7000-8000-000000000001");
    expect(id).not.toContain("Customer");
    expect(fromGlobalId(id)).toEqual({ type: "Customer", id: "0196f0b2-0000-7000-8000-000000000001" });
  });

  it("rejects garbage", () => {
    expect(fromGlobalId("not an id!")).toBeNull();
    expect(fromGlobalId(Buffer.from("no-colon").toString("base64url"))).toBeNull();
    expect(fromGlobalId("")).toBeNull();
  });
});
