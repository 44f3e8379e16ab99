import { describe, expect, it } from "vitest";
import { fieldErrorsOf, utcFromLocalInput } from "@/components/form-errors";

describe("console form helpers", () => {
  it("puts each userError on its input field, the first one per field, the rest on the form", () => {
    expect(
      fieldErrorsOf([
        { field: ["input", "scopes", "2"], message: "Unknown scope." },
        { field: ["input", "scopes"], message: "Second message for the same field." },
        { field: ["input", "name"], message: "Name it." },
        { field: null, message: "Only privacy officers manage keys." },
        { field: ["id"], message: "Not found." },
      ]),
    ).toEqual({
      fieldErrors: { scopes: "Unknown scope.", name: "Name it." },
      formError: "Only privacy officers manage keys.",
    });
  });

  it("reads a datetime-local value as UTC and passes anything else on as typed", () => {
    expect(utcFromLocalInput("2026-12-01T09:30")).toBe("2026-12-01T09:30Z");
    expect(utcFromLocalInput("2026-12-01T09:30:15")).toBe("2026-12-01T09:30:15Z");
    expect(utcFromLocalInput("tomorrow")).toBe("tomorrow");
  });
});
