import { randomBytes, randomUUID } from "node:crypto";
import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionCookie } from "@/server/auth/session-cookie";

const secret = randomBytes(32).toString("base64url");
const claims = { sub: randomUUID(), sid: randomUUID(), shop: "almaz", kind: "agent" };

describe("decodeSessionCookie", () => {
  it("reads next-auth's cookie exactly as next-auth's decode does", async () => {
    const token = await encode({ token: claims, secret, maxAge: 3600 });
    const ours = decodeSessionCookie(token, secret);
    expect(ours).toEqual(await decode({ token, secret }));
    expect(ours).toMatchObject(claims);
  });

  it("refuses what next-auth refuses: another secret, an altered token, an expired one, garbage", async () => {
    const token = await encode({ token: claims, secret, maxAge: 3600 });
    const other = randomBytes(32).toString("base64url");
    expect(decodeSessionCookie(token, other)).toBeNull();
    await expect(decode({ token, secret: other })).rejects.toThrow();

    const parts = token.split(".");
    const flipped = Buffer.from(parts[3] as string, "base64url");
    flipped[0] = (flipped[0] as number) ^ 1;
    parts[3] = flipped.toString("base64url");
    const altered = parts.join(".");
    expect(decodeSessionCookie(altered, secret)).toBeNull();
    await expect(decode({ token: altered, secret })).rejects.toThrow();

    const expired = await encode({ token: claims, secret, maxAge: 1 });
    // 16 s later: past next-auth's 15 s clock tolerance.
    expect(decodeSessionCookie(expired, secret, Date.now() + 17_000)).toBeNull();
    expect(decodeSessionCookie(expired, secret, Date.now())).not.toBeNull();

    for (const junk of ["", "a.b.c.d.e", "....", "x".repeat(10_000), `${parts[0]}.x.y.z.w`]) {
      expect(decodeSessionCookie(junk, secret)).toBeNull();
    }
  });
});
