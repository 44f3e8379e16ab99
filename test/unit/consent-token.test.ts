import { describe, expect, it } from "vitest";
import { signUnsubscribeToken, verifyUnsubscribeToken } from "@/server/consent/unsubscribe-token";

// Unsubscribe tokens: only the app can make them, and one names exactly one customer
// and one list.
const SECRET = "unit-test-secret-0123456789abcdefghijklmnop";
const claims = {
  shopId: "019a0000-1111-7222-8333-444455556666",
  customerId: "019a0000-aaaa-7bbb-8ccc-ddddeeeeffff",
  purposeKey: "marketing:email:offers",
};

const flip = (text: string, at: number) => {
  const c = text[at];
  return `${text.slice(0, at)}${c === "A" ? "B" : "A"}${text.slice(at + 1)}`;
};

function reSigned(payload: Buffer, mac: string) {
  return `${payload.toString("base64url")}.${mac}`;
}

describe("unsubscribe tokens", () => {
  it("round-trip their claims, and are stable and URL-safe", () => {
    const token = signUnsubscribeToken(claims, SECRET);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyUnsubscribeToken(token, SECRET)).toEqual(claims);
    expect(signUnsubscribeToken(claims, SECRET)).toBe(token);
    expect(signUnsubscribeToken({ ...claims, purposeKey: "profiling" }, SECRET)).not.toBe(token);
  });

  it("refuse a token signed with another secret", () => {
    const token = signUnsubscribeToken(claims, "another-secret-0123456789abcdefghijklmn");
    expect(verifyUnsubscribeToken(token, SECRET)).toBeNull();
  });

  it("refuse a forged MAC", () => {
    const token = signUnsubscribeToken(claims, SECRET);
    expect(verifyUnsubscribeToken(flip(token, token.length - 5), SECRET)).toBeNull();
    const [payload] = token.split(".");
    expect(verifyUnsubscribeToken(`${payload}.${"A".repeat(43)}`, SECRET)).toBeNull();
  });

  it("cannot be moved to another customer, shop or purpose", () => {
    const token = signUnsubscribeToken(claims, SECRET);
    const [payloadText, mac] = token.split(".");
    const payload = Buffer.from(payloadText, "base64url");
    const other = Buffer.from(payload);
    other[20] ^= 0x01; // a byte of the customer id
    expect(verifyUnsubscribeToken(reSigned(other, mac), SECRET)).toBeNull();
    const otherShop = Buffer.from(payload);
    otherShop[3] ^= 0x01; // a byte of the shop id
    expect(verifyUnsubscribeToken(reSigned(otherShop, mac), SECRET)).toBeNull();
    const otherPurpose = Buffer.concat([payload.subarray(0, 33), Buffer.from("marketing:email:news")]);
    expect(verifyUnsubscribeToken(reSigned(otherPurpose, mac), SECRET)).toBeNull();
    // Another customer's genuine MAC does not fit this customer's claims either.
    const theirs = signUnsubscribeToken({ ...claims, customerId: "019a0000-0000-7000-8000-000000000001" }, SECRET);
    expect(verifyUnsubscribeToken(`${payloadText}.${theirs.split(".")[1]}`, SECRET)).toBeNull();
  });

  it("refuse malformed tokens", () => {
    const token = signUnsubscribeToken(claims, SECRET);
    for (const bad of [
      "",
      "abc",
      token.replace(".", ""),
      `${token}.x`,
      `${token}=`,
      token.replace(/-|_/, "+"),
      `x${token}`,
      ` ${token}`,
      "a".repeat(5000),
      null,
      undefined,
      42,
      { token },
    ]) {
      expect(verifyUnsubscribeToken(bad, SECRET)).toBeNull();
    }
  });

  it("refuse a token of an unknown version", () => {
    const token = signUnsubscribeToken(claims, SECRET);
    const payload = Buffer.from(token.split(".")[0], "base64url");
    payload[0] = 2;
    expect(verifyUnsubscribeToken(reSigned(payload, token.split(".")[1]), SECRET)).toBeNull();
  });

  it("are only made for UUIDs and purpose keys", () => {
    expect(() => signUnsubscribeToken({ ...claims, customerId: "42" }, SECRET)).toThrow();
    expect(() => signUnsubscribeToken({ ...claims, purposeKey: "anything goes" }, SECRET)).toThrow();
  });
});
