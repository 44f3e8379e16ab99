import { GraphQLError } from "graphql";
import { describe, expect, it, vi } from "vitest";
import { formatError } from "@/graphql/server";
import { AppError } from "@/server/errors";

describe("error masking", () => {
  it("masks unexpected errors and logs only an id and the error's class", () => {
    const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const error = new GraphQLError("Unique constraint failed for ana@example.com", {
      originalError: new TypeError("ana@example.com"),
    });
    const formatted = formatError({ message: error.message, extensions: { code: "INTERNAL_SERVER_ERROR" } }, error);
    expect(formatted.message).toBe("Internal server error");
    expect(formatted.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR", errorId: expect.any(String) });
    const logged = write.mock.calls.map((c) => String(c[0])).join("");
    write.mockRestore();
    expect(logged).toContain(String(formatted.extensions?.errorId));
    expect(logged).not.toContain("ana@example.com");
  });

  it("passes expected application errors through with their code", () => {
    const error = new GraphQLError("x", {
      path: ["viewer"],
      originalError: new AppError("UNAUTHENTICATED", "Sign in to continue."),
    });
    expect(formatError({ message: "x" }, error)).toMatchObject({
      message: "Sign in to continue.",
      extensions: { code: "UNAUTHENTICATED" },
    });
  });

  it("keeps validation messages for the client", () => {
    const formatted = formatError(
      { message: "Cannot query field", extensions: { code: "GRAPHQL_VALIDATION_FAILED" } },
      new GraphQLError("Cannot query field"),
    );
    expect(formatted).toMatchObject({
      message: "Cannot query field",
      extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
    });
  });
});
