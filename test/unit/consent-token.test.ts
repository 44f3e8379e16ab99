import { createDecipheriv, createHmac, hkdfSync } from "node:crypto";
import { encode as encodeSessionJwt } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signUnsubscribeToken, verifyUnsubscribeToken } from "@/server/consent/unsubscribe-token";
import { suppressionHash } from "@/server/erasure/suppression";
import { downloadToken } from "@/server/export";

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

// Key separation: the MAC is keyed with a key derived from the app secret for this
// purpose alone. A MAC made with the secret itself, or with the key another part of the
// app derives from it (export download links, the suppression list, the session
// cookie), must not pass, nor may one made for another shop, customer or list. The
// other derivations are copied here and checked against the code that uses them, so the
// copies cannot drift from what the app really does.
describe("unsubscribe token keys", () => {
  const UNSUBSCRIBE_LABEL = "privacy-centre/unsubscribe-link/v1";
  const hkdf = (info: string) => Buffer.from(hkdfSync("sha256", SECRET, Buffer.alloc(0), info, 32));
  const hmacKey = (label: string) => createHmac("sha256", SECRET).update(label).digest();
  const KEYS = {
    // The one key that may sign: HKDF-SHA256 of the secret, no salt, with the link's label.
    unsubscribe: hkdf(UNSUBSCRIBE_LABEL),
    rawSecret: Buffer.from(SECRET, "utf8"),
    exportDownload: hmacKey("export-download-link"),
    suppressionList: hmacKey("suppression-list-v1"),
    sessionCookie: hkdf("NextAuth.js Generated Encryption Key"),
    // The same derivation with another label, or none: the label is what separates keys.
    otherLabel: hkdf("privacy-centre/unsubscribe-link/v2"),
    noLabel: hkdf(""),
  };

  const payloadOf = (c: typeof claims) =>
    Buffer.concat([
      Buffer.from([1]),
      Buffer.from(c.shopId.replace(/-/g, ""), "hex"),
      Buffer.from(c.customerId.replace(/-/g, ""), "hex"),
      Buffer.from(c.purposeKey, "utf8"),
    ]);
  const macWith = (key: Buffer, payload: Buffer) => createHmac("sha256", key).update(payload).digest("base64url");
  const tokenWith = (key: Buffer, c: typeof claims = claims) => reSigned(payloadOf(c), macWith(key, payloadOf(c)));

  beforeAll(() => {
    vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it("sign with HMAC-SHA256 under the key derived for unsubscribe links (sent links must keep working)", () => {
    // A token built here with that key is the app's own token, and is accepted: so the
    // refusals below are refusals of the key, not of a badly built token.
    expect(tokenWith(KEYS.unsubscribe)).toBe(signUnsubscribeToken(claims, SECRET));
    expect(verifyUnsubscribeToken(tokenWith(KEYS.unsubscribe), SECRET)).toEqual(claims);
    // The app's secret is what the app signs with when none is given.
    expect(signUnsubscribeToken(claims)).toBe(tokenWith(KEYS.unsubscribe));
  });

  it("match the other derivations copied here to the code that uses them", async () => {
    const exportId = "019a0000-2222-7333-8444-555566667777";
    const expiresAt = new Date("2030-01-01T00:00:00Z");
    const signed = createHmac("sha256", KEYS.exportDownload)
      .update(`${exportId}.${claims.customerId}.${expiresAt.getTime()}`)
      .digest("base64url");
    expect(downloadToken({ exportId, customerId: claims.customerId, expiresAt })).toBe(
      `${expiresAt.getTime().toString(36)}.${signed}`,
    );
    const email = "someone@example.com";
    expect(suppressionHash(email, SECRET)).toBe(createHmac("sha256", KEYS.suppressionList).update(email).digest("hex"));
    // The session cookie (next-auth's JWE, "dir" + A256GCM) opens with the copied key.
    const [header, , iv, ciphertext, tag] = (await encodeSessionJwt({ token: { sub: "x" }, secret: SECRET })).split(
      ".",
    );
    const decipher = createDecipheriv("aes-256-gcm", KEYS.sessionCookie, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(header, "ascii"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]);
    expect(JSON.parse(plain.toString("utf8"))).toMatchObject({ sub: "x" });
  });

  it.each(Object.entries(KEYS).filter(([name]) => name !== "unsubscribe"))(
    "refuse a MAC made with %s instead of the unsubscribe key",
    (_name, key) => {
      expect(key.equals(KEYS.unsubscribe)).toBe(false);
      expect(verifyUnsubscribeToken(tokenWith(key), SECRET)).toBeNull();
    },
  );

  it.each([
    ["shop", { ...claims, shopId: "019a0000-1111-7222-8333-444455556667" }],
    ["customer", { ...claims, customerId: "019a0000-aaaa-7bbb-8ccc-ddddeeeefff0" }],
    ["purpose", { ...claims, purposeKey: "marketing:email:news" }],
  ])("refuse a genuine MAC of another %s on these claims, and this MAC on theirs", (_what, other) => {
    const mine = signUnsubscribeToken(claims, SECRET);
    const theirs = signUnsubscribeToken(other, SECRET);
    expect(verifyUnsubscribeToken(theirs, SECRET)).toEqual(other);
    const [minePayload, mineMac] = mine.split(".");
    const [theirPayload, theirMac] = theirs.split(".");
    expect(verifyUnsubscribeToken(`${minePayload}.${theirMac}`, SECRET)).toBeNull();
    expect(verifyUnsubscribeToken(`${theirPayload}.${mineMac}`, SECRET)).toBeNull();
    // Nor their claims under any of the other keys.
    for (const key of Object.values(KEYS).filter((k) => !k.equals(KEYS.unsubscribe))) {
      expect(verifyUnsubscribeToken(tokenWith(key, other), SECRET)).toBeNull();
    }
  });
});
