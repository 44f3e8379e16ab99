import type { GraphQLScalarType } from "graphql";
import { describe, expect, it } from "vitest";
import { baseResolvers } from "@/graphql/resolvers/base";

const DateScalar = baseResolvers.Date as GraphQLScalarType;

describe("Date scalar", () => {
  it("accepts real calendar dates", () => {
    expect(DateScalar.parseValue("2024-02-29")).toBe("2024-02-29");
  });

  it.each(["2023-02-30", "2024-13-01", "2024-1-1", "yesterday", 20240101])("refuses %s", (value) => {
    expect(() => DateScalar.parseValue(value)).toThrow("Date must be YYYY-MM-DD.");
  });
});
