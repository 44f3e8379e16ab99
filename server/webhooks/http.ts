import type { LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { AddressNotAllowedError, resolveAllowedAddress } from "./address";

// One POST to a webhook endpoint with node's http/https (not fetch), for control over
// where the connection goes: the host is resolved and checked first
// (./address.ts), and the socket connects to that checked address through the
// request's own `lookup`. TLS still verifies the certificate for the URL's hostname.
// Redirects are never followed (a 3xx is a failure). Keep-alive agents reuse
// connections across deliveries.

export const WEBHOOK_HTTP = {
  timeoutMs: 15_000,
  maxSockets: 64,
  // Bytes of the response kept (the excerpt is the first 500 characters).
  maxBodyBytes: 4096,
};

const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: WEBHOOK_HTTP.maxSockets }),
  https: new https.Agent({ keepAlive: true, maxSockets: WEBHOOK_HTTP.maxSockets }),
};

export type SendResult = { statusCode: number | null; latencyMs: number; body: string; error: string | null };

function errorCodeOf(error: unknown): string {
  if (error instanceof AddressNotAllowedError) return error.code;
  const code = error && typeof error === "object" && "code" in error ? String(error.code) : "";
  switch (code) {
    case "TIMEOUT":
      return "TIMEOUT";
    case "ECONNREFUSED":
      return "CONNECTION_REFUSED";
    case "ECONNRESET":
    case "EPIPE":
      return "CONNECTION_RESET";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "DNS_FAILED";
    default:
      return code.startsWith("ERR_TLS") || code.includes("CERT") ? "TLS_ERROR" : "NETWORK_ERROR";
  }
}

export async function postWebhook(options: {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs?: number;
}): Promise<SendResult> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  try {
    const url = new URL(options.url);
    const isHttps = url.protocol === "https:";
    if (!isHttps && url.protocol !== "http:") throw Object.assign(new Error("bad scheme"), { code: "BAD_URL" });
    const checked: LookupAddress = await resolveAllowedAddress(url.hostname);
    const lookup = (
      _hostname: string,
      opts: { all?: boolean },
      callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void,
    ) => (opts?.all ? callback(null, [checked]) : callback(null, checked.address, checked.family));
    const timeoutMs = options.timeoutMs ?? WEBHOOK_HTTP.timeoutMs;
    return await new Promise<SendResult>((resolve, reject) => {
      const request = (isHttps ? https : http).request(
        url,
        {
          method: "POST",
          agent: isHttps ? agents.https : agents.http,
          lookup: lookup as never,
          headers: {
            ...options.headers,
            "content-type": "application/json",
            "content-length": String(Buffer.byteLength(options.body)),
            "user-agent": "privacy-centre-webhooks/1",
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on("data", (chunk: Buffer) => {
            if (size < WEBHOOK_HTTP.maxBodyBytes) chunks.push(chunk);
            size += chunk.length;
          });
          response.on("end", () => {
            clearTimeout(timer);
            resolve({
              statusCode: response.statusCode ?? null,
              latencyMs: latency(),
              body: Buffer.concat(chunks).toString("utf8").slice(0, 500),
              error: null,
            });
          });
          response.on("error", reject);
        },
      );
      const timer = setTimeout(
        () => request.destroy(Object.assign(new Error("timeout"), { code: "TIMEOUT" })),
        timeoutMs,
      );
      request.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      request.end(options.body);
    });
  } catch (error) {
    return { statusCode: null, latencyMs: latency(), body: "", error: errorCodeOf(error) };
  }
}
