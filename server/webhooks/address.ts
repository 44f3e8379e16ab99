import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP } from "node:net";

// Where a webhook may be sent. Before connecting, the hostname is resolved (every
// address) and the connection goes to an address that was checked, through the
// request's own `lookup`, so a name that answers differently a moment later (DNS
// rebinding) cannot smuggle an internal address in.

export type AddressClass =
  | "public"
  | "private"
  | "loopback"
  | "link-local"
  | "unique-local"
  | "multicast"
  | "unspecified"
  | "reserved"
  | "invalid";

function v4Parts(address: string): number[] | null {
  const parts = address.split(".").map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return null;
  return parts;
}

export function classifyIPv4(address: string): AddressClass {
  const p = v4Parts(address);
  if (!p) return "invalid";
  const [a, b] = p;
  if (a === 0) return "unspecified"; // 0.0.0.0/8 ("this network")
  if (a === 127) return "loopback";
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return "private";
  if (a === 100 && b >= 64 && b <= 127) return "private"; // carrier-grade NAT
  if (a === 169 && b === 254) return "link-local";
  if (a >= 224 && a <= 239) return "multicast";
  if (a >= 240) return "reserved"; // incl. 255.255.255.255
  if (a === 192 && b === 0 && p[2] === 0) return "reserved"; // IETF protocol assignments
  if (a === 198 && (b === 18 || b === 19)) return "reserved"; // benchmarking
  return "public";
}

// Expands an IPv6 address into eight 16-bit groups (an embedded IPv4 tail allowed).
function v6Groups(address: string): number[] | null {
  let text = address.toLowerCase();
  const zone = text.indexOf("%");
  if (zone >= 0) text = text.slice(0, zone);
  let tail: number[] = [];
  const lastColon = text.lastIndexOf(":");
  if (text.slice(lastColon + 1).includes(".")) {
    const v4 = v4Parts(text.slice(lastColon + 1));
    if (!v4) return null;
    tail = [(v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]];
    text = text.slice(0, lastColon + 1);
    if (!text.endsWith("::")) text = text.slice(0, -1);
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const parse = (s: string) =>
    s === "" ? [] : s.split(":").map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN));
  const head = parse(halves[0]);
  const rest = halves.length === 2 ? parse(halves[1]) : [];
  if ([...head, ...rest].some(Number.isNaN)) return null;
  const missing = 8 - head.length - rest.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  return [...head, ...Array(halves.length === 2 ? missing : 0).fill(0), ...rest, ...tail];
}

export function classifyIPv6(address: string): AddressClass {
  const g = v6Groups(address);
  if (!g) return "invalid";
  if (g.every((x) => x === 0)) return "unspecified";
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return "loopback";
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d, deprecated): judged as IPv4.
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0)) {
    return classifyIPv4(`${g[6] >> 8}.${g[6] & 255}.${g[7] >> 8}.${g[7] & 255}`);
  }
  // NAT64 (64:ff9b::/96) carries an IPv4 address too.
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) {
    return classifyIPv4(`${g[6] >> 8}.${g[6] & 255}.${g[7] >> 8}.${g[7] & 255}`);
  }
  if ((g[0] & 0xfe00) === 0xfc00) return "unique-local"; // fc00::/7
  if ((g[0] & 0xffc0) === 0xfe80) return "link-local"; // fe80::/10
  if ((g[0] & 0xffc0) === 0xfec0) return "private"; // fec0::/10 (deprecated site-local)
  if ((g[0] & 0xff00) === 0xff00) return "multicast"; // ff00::/8
  if (g[0] === 0x2001 && g[1] === 0x0db8) return "reserved"; // documentation
  if (g[0] === 0x0100 && g.slice(1, 4).every((x) => x === 0)) return "reserved"; // discard-only
  return "public";
}

export function classifyAddress(address: string): AddressClass {
  const family = isIP(address);
  if (family === 4) return classifyIPv4(address);
  if (family === 6) return classifyIPv6(address);
  return "invalid";
}

export function isPrivateAllowed(): boolean {
  return process.env.WEBHOOK_ALLOW_PRIVATE === "1";
}

export function isAddressAllowed(address: string, allowPrivate = isPrivateAllowed()): boolean {
  const kind = classifyAddress(address);
  if (kind === "invalid") return false;
  return kind === "public" || allowPrivate;
}

export class AddressNotAllowedError extends Error {
  readonly code = "ADDRESS_NOT_ALLOWED";
  constructor() {
    super("The webhook URL resolves to an address that is not allowed.");
    this.name = "AddressNotAllowedError";
  }
}

export function resolveAll(hostname: string): Promise<LookupAddress[]> {
  const host = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  if (isIP(host)) return Promise.resolve([{ address: host, family: isIP(host) }]);
  return new Promise((resolve, reject) =>
    dnsLookup(host, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );
}

// Resolves the host and checks every address it has (one bad address refuses the name:
// a resolver may hand out any of them); returns the address to connect to.
export async function resolveAllowedAddress(
  hostname: string,
  allowPrivate = isPrivateAllowed(),
): Promise<LookupAddress> {
  const addresses = await resolveAll(hostname);
  if (!addresses.length || addresses.some((a) => !isAddressAllowed(a.address, allowPrivate))) {
    throw new AddressNotAllowedError();
  }
  return addresses[0];
}
