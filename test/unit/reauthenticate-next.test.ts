import { describe, expect, it } from "vitest";
import { isDownload, safeNext } from "@/app/[shop]/account/reauthenticate/safe-next";

const FALLBACK = "/almaz/account/privacy/export";

describe("where the password-again page sends the browser", () => {
  it("follows a path inside the shop or an export download", () => {
    expect(safeNext("almaz", "/almaz/account/privacy/data")).toBe("/almaz/account/privacy/data");
    const download = "/api/exports/RXhwb3J0OjE?token=abc.def";
    expect(safeNext("almaz", download)).toBe(download);
    expect(isDownload(download)).toBe(true);
    expect(isDownload("/almaz/account/privacy")).toBe(false);
  });

  it("goes to the export page for anything else", () => {
    for (const next of [
      undefined,
      null,
      ["/almaz/account/privacy"],
      "",
      "almaz/account",
      "https://evil.example/",
      "//evil.example/almaz/",
      "/\\evil.example",
      "/almaz//evil.example",
      "/almaz/\\evil.example",
      "/almaz/account\nLocation: x",
      "/almazz/account",
      "/almaz",
      "/crystalline/account/privacy",
      "/api/graphql",
      "/api/exports",
      `/almaz/${"a".repeat(2001)}`,
    ]) {
      expect(safeNext("almaz", next), String(next)).toBe(FALLBACK);
    }
  });
});
