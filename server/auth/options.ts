import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getAuthSecret } from "./secret";
import { revokeSession, SESSION_MAX_AGE_SECONDS, signInWithPassword } from "./sign-in";

export const SESSION_COOKIE = "pc.session";

export function header(headers: unknown, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name);
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

export function clientAddress(headers: unknown): string | null {
  // Behind a proxy the first X-Forwarded-For entry is the client.
  const forwarded = header(headers, "x-forwarded-for");
  return forwarded?.split(",")[0]?.trim() || header(headers, "x-real-ip") || null;
}

const isSecure = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");

// next-auth 4 with the credentials provider: the JWT cookie carries only the id of a
// Session row; server/auth/viewer.ts checks that row on every request.
export function getAuthOptions(): AuthOptions {
  return {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    cookies: {
      sessionToken: {
        name: isSecure ? `__Secure-${SESSION_COOKIE}` : SESSION_COOKIE,
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: isSecure },
      },
    },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: {
          shop: { label: "Shop", type: "text" },
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, req) {
          const result = await signInWithPassword(credentials, {
            address: clientAddress(req?.headers),
            userAgent: header(req?.headers, "user-agent"),
          });
          if (!result.ok) {
            // next-auth turns a thrown error into ?error=<message> for the form.
            if (result.reason === "RATE_LIMITED") throw new Error("RATE_LIMITED");
            return null;
          }
          return { id: result.customerId, sessionId: result.sessionId, shop: result.shopHandle };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const u = user as unknown as { sessionId: string; shop: string };
          token.sid = u.sessionId;
          token.shop = u.shop;
          // The customer id stays out of the cookie's readable claims beyond `sub`.
          delete token.email;
          delete token.name;
          delete token.picture;
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, user: undefined, shop: token.shop, expires: session.expires };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await revokeSession({ sessionId: token.sid });
      },
    },
    pages: { signIn: "/", error: "/" },
    logger: {
      // next-auth's default logger prints request details; keep only the code.
      error(code) {
        process.stderr.write(`${JSON.stringify({ level: "error", event: "next-auth", code })}\n`);
      },
      warn() {},
      debug() {},
    },
  };
}
