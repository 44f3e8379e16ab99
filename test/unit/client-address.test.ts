import { describe, expect, it } from "vitest";
import {
  CLIENT_ADDRESS_HEADER,
  clientAddressFrom,
  parseTrustedProxies,
  setClientAddressHeader,
} from "@/server/auth/client-address";

// The client's address decides the per-client sign-in lock: a header the client wrote
// must never win unless a proxy we trust added it.

const NONE = parseTrustedProxies(undefined);
const PROXY = parseTrustedProxies("10.0.0.0/8, 127.0.0.1");

describe("clientAddressFrom", () => {
  it("ignores X-Forwarded-For without TRUSTED_PROXIES: the socket address is the client", () => {
    expect(clientAddressFrom("198.51.100.7", "203.0.113.1", NONE)).toBe("198.51.100.7");
    expect(clientAddressFrom("10.0.0.5", "203.0.113.1", parseTrustedProxies(""))).toBe("10.0.0.5");
    expect(clientAddressFrom("198.51.100.7", ["203.0.113.1", "10.0.0.1"], NONE)).toBe("198.51.100.7");
  });

  it("ignores X-Forwarded-For when the socket is not a trusted proxy", () => {
    expect(clientAddressFrom("198.51.100.7", "203.0.113.1", PROXY)).toBe("198.51.100.7");
  });

  it("behind a trusted proxy, takes the rightmost hop that is not a trusted proxy", () => {
    expect(clientAddressFrom("10.0.0.2", "203.0.113.1", PROXY)).toBe("203.0.113.1");
    expect(clientAddressFrom("10.0.0.2", "203.0.113.1, 10.1.2.3", PROXY)).toBe("203.0.113.1");
    expect(clientAddressFrom("127.0.0.1", ["203.0.113.1", "10.1.2.3, 127.0.0.1"], PROXY)).toBe("203.0.113.1");
  });

  it("does not let spoofed leftmost entries win behind a trusted proxy", () => {
    // The client sent "X-Forwarded-For: 192.0.2.66, 10.9.9.9"; the proxy appended the
    // address it saw.
    expect(clientAddressFrom("10.0.0.2", "192.0.2.66, 10.9.9.9, 203.0.113.1", PROXY)).toBe("203.0.113.1");
    expect(clientAddressFrom("10.0.0.2", "1.1.1.1, 203.0.113.1", PROXY)).toBe("203.0.113.1");
  });

  it("answers null for a garbage hop before reaching an untrusted address", () => {
    expect(clientAddressFrom("10.0.0.2", "203.0.113.1, not-an-address", PROXY)).toBeNull();
  });

  it("falls back to the socket when a trusted proxy sent no header", () => {
    expect(clientAddressFrom("10.0.0.2", undefined, PROXY)).toBe("10.0.0.2");
    expect(clientAddressFrom(null, "203.0.113.1", PROXY)).toBeNull();
  });

  it("normalises IPv4-mapped IPv6 addresses, on the socket and in the header", () => {
    expect(clientAddressFrom("::ffff:198.51.100.7", null, NONE)).toBe("198.51.100.7");
    expect(clientAddressFrom("::ffff:10.0.0.2", "::ffff:203.0.113.1", PROXY)).toBe("203.0.113.1");
    // A mapped trusted proxy is still trusted.
    expect(clientAddressFrom("::ffff:127.0.0.1", "203.0.113.9, ::ffff:10.0.0.3", PROXY)).toBe("203.0.113.9");
    expect(clientAddressFrom("[2001:db8::1]:443", null, NONE)).toBe("2001:db8::1");
  });

  it("handles IPv6 proxies and clients", () => {
    const v6 = parseTrustedProxies("2001:db8::/32");
    expect(clientAddressFrom("2001:db8::5", "2001:dead::1, 2001:db8::6", v6)).toBe("2001:dead::1");
  });
});

describe("setClientAddressHeader", () => {
  it("overwrites a client-sent x-privacy-centre-client header", () => {
    const req = {
      headers: { [CLIENT_ADDRESS_HEADER]: "192.0.2.66", "x-forwarded-for": "192.0.2.67" } as Record<
        string,
        string | string[] | undefined
      >,
      socket: { remoteAddress: "198.51.100.7" },
    };
    setClientAddressHeader(req, NONE);
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBe("198.51.100.7");

    const proxied = {
      headers: { [CLIENT_ADDRESS_HEADER]: "192.0.2.66", "x-forwarded-for": "203.0.113.1" } as Record<
        string,
        string | string[] | undefined
      >,
      socket: { remoteAddress: "10.0.0.2" },
    };
    setClientAddressHeader(proxied, PROXY);
    expect(proxied.headers[CLIENT_ADDRESS_HEADER]).toBe("203.0.113.1");
  });

  it("removes a client-sent header when the address is unknown", () => {
    const req = { headers: { [CLIENT_ADDRESS_HEADER]: "192.0.2.66" } as Record<string, string | undefined> };
    setClientAddressHeader(req, NONE);
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBeUndefined();
    expect(CLIENT_ADDRESS_HEADER in req.headers).toBe(false);
  });
});

describe("parseTrustedProxies", () => {
  it("accepts addresses and CIDR ranges of both families", () => {
    const list = parseTrustedProxies(" 10.0.0.0/8 ,127.0.0.1,,2001:db8::/32 , ::1");
    expect(list.check("10.200.0.1", "ipv4")).toBe(true);
    expect(list.check("127.0.0.1", "ipv4")).toBe(true);
    expect(list.check("127.0.0.2", "ipv4")).toBe(false);
    expect(list.check("2001:db8::9", "ipv6")).toBe(true);
    expect(list.check("::1", "ipv6")).toBe(true);
  });

  it.each([
    "not-an-address",
    "10.0.0.0/33",
    "10.0.0.0/-1",
    "10.0.0.0/abc",
    "2001:db8::/129",
    "300.1.1.1",
    "10.0.0.1, example.com",
  ])("throws on an invalid entry: %s", (value) => {
    expect(() => parseTrustedProxies(value)).toThrow(/TRUSTED_PROXIES/);
  });
});
