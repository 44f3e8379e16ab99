import { BlockList, isIP } from "node:net";

// The client's address. A request's X-Forwarded-For says whatever the client wants it
// to say, so it counts only when the app is told to trust the proxy that added it
// (TRUSTED_PROXIES: comma-separated addresses or CIDR ranges, e.g.
// "10.0.0.0/8,127.0.0.1"); otherwise the address is the socket's. The per-client
// sign-in lock depends on this: a trusted header would let a client dodge the lock by
// naming another address, or lock someone else out by naming theirs.
//
// Next.js hands route handlers no socket, so `installClientAddressHeader` (run once by
// instrumentation.ts in the server process) computes the address as each request
// arrives and writes it to CLIENT_ADDRESS_HEADER, replacing any value the client sent.

export const CLIENT_ADDRESS_HEADER = "x-privacy-centre-client";

const normalise = (address: string): string => {
  const trimmed = address.trim().replace(/^\[(.*)\](?::\d+)?$/, "$1");
  return trimmed.startsWith("::ffff:") && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
};

export function parseTrustedProxies(value: string | undefined): BlockList {
  const list = new BlockList();
  for (const raw of (value ?? "").split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const [address, bits] = entry.split("/");
    const family = isIP(address ?? "");
    if (!address || !family) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an address or CIDR range.`);
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(address, type);
    else {
      const prefix = Number(bits);
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32)) {
        throw new Error(`TRUSTED_PROXIES: "${entry}" has an invalid prefix length.`);
      }
      list.addSubnet(address, prefix, type);
    }
  }
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
}

// Walks X-Forwarded-For from the nearest hop back, skipping trusted proxies: the first
// address that is not one of ours is the client.
export function clientAddressFrom(
  socketAddress: string | null | undefined,
  forwardedFor: string | string[] | null | undefined,
  trusted: BlockList,
): string | null {
  const socket = socketAddress ? normalise(socketAddress) : null;
  if (!socket) return null;
  if (!isTrusted(trusted, socket)) return socket;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map(normalise)
    .filter((hop) => hop.length > 0);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] as string;
    if (!isIP(hop)) return null;
    if (!isTrusted(trusted, hop)) return hop;
  }
  return hops[0] ?? socket;
}

type IncomingLike = { headers: Record<string, string | string[] | undefined>; socket?: { remoteAddress?: string } };

export function setClientAddressHeader(req: IncomingLike, trusted: BlockList): void {
  const address = clientAddressFrom(req.socket?.remoteAddress, req.headers["x-forwarded-for"], trusted);
  if (address) req.headers[CLIENT_ADDRESS_HEADER] = address;
  else delete req.headers[CLIENT_ADDRESS_HEADER];
}

const installed = globalThis as unknown as { __clientAddressInstalled?: boolean };

// Every HTTP server of this process stamps the client address on each request before
// Next.js sees it.
export async function installClientAddressHeader(): Promise<void> {
  if (installed.__clientAddressInstalled) return;
  installed.__clientAddressInstalled = true;
  const http = await import("node:http");
  const trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function patchedEmit(
    this: InstanceType<typeof http.Server>,
    event: string | symbol,
    ...args: unknown[]
  ) {
    if (event === "request" && args[0]) setClientAddressHeader(args[0] as IncomingLike, trusted);
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}
