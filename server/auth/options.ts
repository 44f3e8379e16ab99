import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { endAgentSession } from "../impersonation/sessions";
import { signInAgent } from "./agent-sign-in";
import { requestMetaFrom } from "./request";
import { getAuthSecret } from "./secret";
import { revokeSession, SESSION_MAX_AGE_SECONDS, signInWithPassword } from "./sign-in";

export const SESSION_COOKIE = "pc.session";

const isSecure = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");

// next-auth 4 with two credentials providers (customers, support staff): the JWT cookie carries only the id of a
// Session (or AgentSession) row; server/auth/viewer.ts checks that row on every request.
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
          const result = await signInWithPassword(credentials, requestMetaFrom(req?.headers));
          if (!result.ok) {
            // next-auth turns a thrown error into ?error=<message> for the form.
            if (result.reason === "RATE_LIMITED") throw new Error("RATE_LIMITED");
            return null;
          }
          return { id: result.customerId, sessionId: result.sessionId, shop: result.shopHandle, kind: "customer" };
        },
      }),
      // Support staff: their own accounts and sessions (server/auth/agent-sign-in.ts).
      CredentialsProvider({
        id: "agent",
        name: "Support staff",
        credentials: {
          shop: { label: "Shop", type: "text" },
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, req) {
          const result = await signInAgent(credentials, requestMetaFrom(req?.headers));
          if (!result.ok) {
            if (result.reason === "RATE_LIMITED") throw new Error("RATE_LIMITED");
            return null;
          }
          return { id: result.agentId, sessionId: result.sessionId, shop: result.shopHandle, kind: "agent" };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const u = user as unknown as { sessionId: string; shop: string; kind: "customer" | "agent" };
          token.sid = u.sessionId;
          token.shop = u.shop;
          // Which kind of session `sid` names (server/auth/viewer.ts).
          token.kind = u.kind;
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
        if (typeof token?.sid !== "string") return;
        if (token.kind === "agent") await endAgentSession({ sessionId: token.sid });
        else await revokeSession({ sessionId: token.sid });
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
