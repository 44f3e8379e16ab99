import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { checkDownloadToken, downloadPath, downloadToken } from "@/server/export";

// The signed download link of an export: its id, its owner and its expiry, signed with
// a key derived from the app's secret.

const EXPORT_ID = "01900000-0000-7000-8000-000000000001";
const OTHER_EXPORT = "01900000-0000-7000-8000-000000000002";
const CUSTOMER = "01900000-0000-7000-8000-0000000000aa";
const OTHER_CUSTOMER = "01900000-0000-7000-8000-0000000000bb";
const NOW = new Date("2026-06-01T12:00:00Z");
const EXPIRES = new Date("2026-06-08T12:00:00Z");

beforeAll(() => {
  vi.stubEnv("NEXTAUTH_SECRET", "export-token-unit-test-secret-0123456789");
});

afterAll(() => {
  vi.unstubAllEnvs();
});

const token = () => downloadToken({ exportId: EXPORT_ID, customerId: CUSTOMER, expiresAt: EXPIRES });
const check = (value: string | null, options: Partial<{ exportId: string; customerId: string; now: Date }> = {}) =>
  checkDownloadToken(value, { exportId: EXPORT_ID, customerId: CUSTOMER, now: NOW, ...options });

describe("download tokens", () => {
  it("are valid for their export and customer until they expire", () => {
    expect(token()).toMatch(/^[0-9a-z]+\.[A-Za-z0-9_-]{43}$/);
    expect(check(token())).toBe("valid");
    expect(check(token(), { now: new Date(EXPIRES.getTime() - 1) })).toBe("valid");
    // The same inputs give the same link.
    expect(token()).toBe(token());
  });

  it("expire at their expiry", () => {
    expect(check(token(), { now: EXPIRES })).toBe("expired");
    expect(check(token(), { now: new Date(EXPIRES.getTime() + 86_400_000) })).toBe("expired");
  });

  it("are invalid for another export or another customer", () => {
    expect(check(token(), { exportId: OTHER_EXPORT })).toBe("invalid");
    expect(check(token(), { customerId: OTHER_CUSTOMER })).toBe("invalid");
  });

  it("are invalid when any part is altered", () => {
    const [expiry, signature] = token().split(".");
    for (let i = 0; i < signature.length; i += 7) {
      const altered = signature.slice(0, i) + (signature[i] === "A" ? "B" : "A") + signature.slice(i + 1);
      expect(check(`${expiry}.${altered}`), `signature character ${i}`).toBe("invalid");
    }
    // A later expiry with the old signature does not extend the link.
    const later = (Number.parseInt(expiry, 36) + 1).toString(36);
    expect(check(`${later}.${signature}`)).toBe("invalid");
    // A link signed with another secret is worthless.
    vi.stubEnv("NEXTAUTH_SECRET", "another-secret-entirely-0123456789abcdef");
    const foreign = token();
    vi.stubEnv("NEXTAUTH_SECRET", "export-token-unit-test-secret-0123456789");
    expect(foreign).not.toBe(token());
    expect(check(foreign)).toBe("invalid");
  });

  it("are invalid when malformed", () => {
    const [expiry, signature] = token().split(".");
    for (const value of [
      null,
      "",
      "garbage",
      expiry,
      `${expiry}.`,
      `.${signature}`,
      `${expiry}.${signature}x`,
      `${expiry}.${signature.slice(1)}`,
      `${expiry}.${signature}.extra`,
      `${expiry.toUpperCase()}!.${signature}`,
      ` ${token()}`,
      `${"z".repeat(13)}.${signature}`,
    ]) {
      expect(check(value), String(value)).toBe("invalid");
    }
  });
});

describe("downloadPath", () => {
  it("is the route of the export's global id with its token", () => {
    expect(
      downloadPath({ globalId: "RXhwb3J0OjE", exportId: EXPORT_ID, customerId: CUSTOMER, expiresAt: EXPIRES }),
    ).toBe(`/api/exports/RXhwb3J0OjE?token=${token()}`);
  });
});
