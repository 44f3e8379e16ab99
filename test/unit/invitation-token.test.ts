import { createHmac, hkdfSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signUnsubscribeToken } from "@/server/consent/unsubscribe-token";
import { signInvitationToken, verifyInvitationToken } from "@/server/invitations/token";

// The token in an invitation's links (the friend's notice, a share link): only the app
// can make one, and one names exactly one shop and one invitation.
const SECRET = "invitation-unit-test-secret-0123456789abcdefgh";
const OTHER_SECRET = "another-invitation-secret-0123456789abcdefgh";
const claims = {
  shopId: "019a0000-1111-7222-8333-444455556666",
  invitationId: "019a0000-aaaa-7bbb-8ccc-ddddeeeeffff",
};

const parts = (token: string) => {
  const [payload, mac] = token.split(".");
  return { payload: Buffer.from(payload, "base64url"), payloadText: payload, mac };
};
const reSigned = (payload: Buffer, mac: string) => `${payload.toString("base64url")}.${mac}`;

// The character at `at` replaced by another valid base64url character.
const flip = (text: string, at: number) => `${text.slice(0, at)}${text[at] === "A" ? "B" : "A"}${text.slice(at + 1)}`;

describe("invitation tokens", () => {
  it("round-trip their claims, are stable, URL-safe and of the documented layout", () => {
    const token = signInvitationToken(claims, SECRET);
    expect(token).toMatch(/^[A-Za-z0-9_-]{44}\.[A-Za-z0-9_-]{43}$/);
    expect(verifyInvitationToken(token, SECRET)).toEqual(claims);
    expect(signInvitationToken(claims, SECRET)).toBe(token);
    expect(encodeURIComponent(token)).toBe(token);
    const { payload } = parts(token);
    expect(payload.length).toBe(33);
    expect(payload[0]).toBe(1);
    expect(payload.subarray(1, 17).toString("hex")).toBe(claims.shopId.replace(/-/g, ""));
    expect(payload.subarray(17).toString("hex")).toBe(claims.invitationId.replace(/-/g, ""));
    // Upper-case ids name the same invitation.
    expect(
      verifyInvitationToken(
        signInvitationToken({ shopId: claims.shopId.toUpperCase(), invitationId: claims.invitationId }, SECRET),
        SECRET,
      ),
    ).toEqual(claims);
  });

  it("differ for another invitation or another shop", () => {
    const token = signInvitationToken(claims, SECRET);
    const otherInvitation = { ...claims, invitationId: "019a0000-aaaa-7bbb-8ccc-ddddeeeeff00" };
    const otherShop = { ...claims, shopId: "019a0000-1111-7222-8333-444455550000" };
    expect(signInvitationToken(otherInvitation, SECRET)).not.toBe(token);
    expect(signInvitationToken(otherShop, SECRET)).not.toBe(token);
    expect(verifyInvitationToken(signInvitationToken(otherShop, SECRET), SECRET)).toEqual(otherShop);
  });

  it("refuse every altered byte of the payload and of the MAC", () => {
    const token = signInvitationToken(claims, SECRET);
    const { payload, mac } = parts(token);
    for (let i = 0; i < payload.length; i++) {
      for (const bit of [0x01, 0x80]) {
        const altered = Buffer.from(payload);
        altered[i] ^= bit;
        expect(verifyInvitationToken(reSigned(altered, mac), SECRET), `payload byte ${i} ^ ${bit}`).toBeNull();
      }
    }
    const macBytes = Buffer.from(mac, "base64url");
    for (let i = 0; i < macBytes.length; i++) {
      const altered = Buffer.from(macBytes);
      altered[i] ^= 0x01;
      expect(verifyInvitationToken(`${parts(token).payloadText}.${altered.toString("base64url")}`, SECRET)).toBeNull();
    }
    // A character changed in the text, anywhere.
    for (let at = 0; at < token.length; at++) {
      if (token[at] === ".") continue;
      const altered = flip(token, at);
      // The last character of each part carries padding bits: some changes decode to the
      // same bytes, and those must be refused too (a token round-trips exactly).
      expect(verifyInvitationToken(altered, SECRET), `character ${at}`).toBeNull();
    }
  });

  it("refuse a token signed with another secret", () => {
    const token = signInvitationToken(claims, OTHER_SECRET);
    expect(verifyInvitationToken(token, SECRET)).toBeNull();
    expect(verifyInvitationToken(token, OTHER_SECRET)).toEqual(claims);
  });

  it("cannot be moved to another invitation or shop with a genuine MAC of another token", () => {
    const token = signInvitationToken(claims, SECRET);
    const other = signInvitationToken({ ...claims, invitationId: "019a0000-0000-7000-8000-000000000001" }, SECRET);
    expect(verifyInvitationToken(`${parts(token).payloadText}.${parts(other).mac}`, SECRET)).toBeNull();
    expect(verifyInvitationToken(`${parts(other).payloadText}.${parts(token).mac}`, SECRET)).toBeNull();
  });

  it("refuse a payload of the wrong length or version, even with a MAC made over it", () => {
    const key = Buffer.from(hkdfSync("sha256", SECRET, Buffer.alloc(0), "privacy-centre/invitation-link/v1", 32));
    const macOf = (payload: Buffer) => createHmac("sha256", key).update(payload).digest("base64url");
    const { payload } = parts(signInvitationToken(claims, SECRET));
    // The key is the one the app signs with: the same construction over the genuine
    // payload gives the genuine token, so the refusals below are of the length and version.
    expect(reSigned(payload, macOf(payload))).toBe(signInvitationToken(claims, SECRET));
    const shorter = payload.subarray(0, 32);
    const longer = Buffer.concat([payload, Buffer.from([0])]);
    const muchLonger = Buffer.concat([payload, payload]);
    for (const wrong of [shorter, longer, muchLonger, payload.subarray(0, 1), Buffer.alloc(0)]) {
      expect(verifyInvitationToken(reSigned(wrong, macOf(wrong)), SECRET), `${wrong.length} bytes`).toBeNull();
    }
    const version2 = Buffer.from(payload);
    version2[0] = 2;
    expect(verifyInvitationToken(reSigned(version2, macOf(version2)), SECRET)).toBeNull();
    // A MAC of the wrong length (truncated, or longer).
    const mac = Buffer.from(macOf(payload), "base64url");
    expect(verifyInvitationToken(reSigned(payload, mac.subarray(0, 16).toString("base64url")), SECRET)).toBeNull();
    expect(
      verifyInvitationToken(reSigned(payload, Buffer.concat([mac, Buffer.from([0])]).toString("base64url")), SECRET),
    ).toBeNull();
  });

  it("refuse malformed tokens and values that are not text", () => {
    const token = signInvitationToken(claims, SECRET);
    for (const bad of [
      "",
      "abc",
      ".",
      token.replace(".", ""),
      `${token}.x`,
      `${token}=`,
      `${token.split(".")[0]}=.${token.split(".")[1]}`,
      token.replace(/[-_]/, "+"),
      `x${token}`,
      ` ${token}`,
      `${token} `,
      `${token}\n`,
      "a".repeat(5000),
      null,
      undefined,
      42,
      { token },
      [token],
    ]) {
      expect(verifyInvitationToken(bad, SECRET), String(bad).slice(0, 40)).toBeNull();
    }
  });

  it("are only made for UUIDs", () => {
    expect(() => signInvitationToken({ ...claims, invitationId: "42" }, SECRET)).toThrow();
    expect(() => signInvitationToken({ ...claims, shopId: "almaz" }, SECRET)).toThrow();
    expect(() => signInvitationToken({ ...claims, invitationId: `${claims.invitationId}0` }, SECRET)).toThrow();
  });

  it("are not accepted as another kind of link's token, nor is another kind accepted as one", () => {
    const unsubscribe = signUnsubscribeToken(
      { shopId: claims.shopId, customerId: claims.invitationId, purposeKey: "marketing:email:offers" },
      SECRET,
    );
    expect(verifyInvitationToken(unsubscribe, SECRET)).toBeNull();
    // The same payload with a MAC keyed by the raw secret, or another label: refused.
    const { payload } = parts(signInvitationToken(claims, SECRET));
    for (const key of [
      Buffer.from(SECRET, "utf8"),
      Buffer.from(hkdfSync("sha256", SECRET, Buffer.alloc(0), "privacy-centre/unsubscribe-link/v1", 32)),
      Buffer.from(hkdfSync("sha256", SECRET, Buffer.alloc(0), "privacy-centre/invitation-link/v2", 32)),
      createHmac("sha256", SECRET).update("suppression-list-v1").digest(),
    ]) {
      const mac = createHmac("sha256", key).update(payload).digest("base64url");
      expect(verifyInvitationToken(reSigned(payload, mac), SECRET)).toBeNull();
    }
  });

  describe("with the app's own secret", () => {
    beforeAll(() => {
      vi.stubEnv("NEXTAUTH_SECRET", SECRET);
    });
    afterAll(() => {
      vi.unstubAllEnvs();
    });

    it("sign and verify with NEXTAUTH_SECRET by default", () => {
      const token = signInvitationToken(claims);
      expect(token).toBe(signInvitationToken(claims, SECRET));
      expect(verifyInvitationToken(token)).toEqual(claims);
      expect(verifyInvitationToken(signInvitationToken(claims, OTHER_SECRET))).toBeNull();
    });
  });
});
