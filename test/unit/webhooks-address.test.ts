import { describe, expect, it } from "vitest";
import { classifyAddress, isAddressAllowed, resolveAllowedAddress } from "@/server/webhooks/address";

describe("webhook address classification", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["::1", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["64:ff9b::7f00:1", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.5.4", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "private"],
    ["::ffff:10.0.0.1", "private"],
    ["169.254.169.254", "link-local"],
    ["::ffff:169.254.169.254", "link-local"],
    ["fe80::1", "link-local"],
    ["febf::1", "link-local"],
    ["fc00::1", "unique-local"],
    ["fd12:3456:789a::1", "unique-local"],
    ["224.0.0.1", "multicast"],
    ["ff02::1", "multicast"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["::", "unspecified"],
    ["255.255.255.255", "reserved"],
    ["8.8.8.8", "public"],
    ["172.32.0.1", "public"],
    ["::ffff:8.8.8.8", "public"],
    ["2606:4700:4700::1111", "public"],
    ["not-an-ip", "invalid"],
  ])("%s is %s", (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it("allows only public addresses unless private ones are allowed", () => {
    expect(isAddressAllowed("8.8.8.8", false)).toBe(true);
    expect(isAddressAllowed("::ffff:127.0.0.1", false)).toBe(false);
    expect(isAddressAllowed("fd00::1", false)).toBe(false);
    expect(isAddressAllowed("127.0.0.1", true)).toBe(true);
    expect(isAddressAllowed("garbage", true)).toBe(false);
  });

  it("refuses a name whose addresses are not allowed, before connecting", async () => {
    await expect(resolveAllowedAddress("127.0.0.1", false)).rejects.toMatchObject({ code: "ADDRESS_NOT_ALLOWED" });
    await expect(resolveAllowedAddress("[::1]", false)).rejects.toMatchObject({ code: "ADDRESS_NOT_ALLOWED" });
    await expect(resolveAllowedAddress("localhost", false)).rejects.toMatchObject({ code: "ADDRESS_NOT_ALLOWED" });
    await expect(resolveAllowedAddress("127.0.0.1", true)).resolves.toMatchObject({ address: "127.0.0.1" });
  });
});
