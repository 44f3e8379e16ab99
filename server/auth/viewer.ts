import "server-only";
import { getPrisma } from "../db";
import { AppError } from "../errors";
import { findShop, type ShopRef } from "../tenants";

// Who is making a request, built once per request and handed to every service.
// The shop always comes from the verified session, never from client input.
export type AnonymousViewer = { kind: "anonymous" };
export type CustomerViewer = {
  kind: "customer";
  shop: ShopRef;
  customerId: string;
  sessionId: string;
  // When the password was last entered in this session.
  authenticatedAt: Date;
};
export type Viewer = AnonymousViewer | CustomerViewer;

export const ANONYMOUS: AnonymousViewer = { kind: "anonymous" };

const TOUCH_AFTER_MS = 5 * 60 * 1000;

// Checks the session against the database on every request: a revoked or expired
// session, or a deleted account, is signed out at once.
export async function resolveSessionViewer(sessionId: string | null | undefined): Promise<Viewer> {
  if (!sessionId || !/^[0-9a-f-]{36}$/i.test(sessionId)) return ANONYMOUS;
  const prisma = getPrisma();
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      lastSeenAt: true,
      authenticatedAt: true,
      customer: { select: { id: true, shop: { select: { handle: true } } } },
    },
  });
  const now = new Date();
  if (!session || session.revokedAt || session.expiresAt <= now) return ANONYMOUS;
  const shop = await findShop({ handle: session.customer.shop.handle });
  if (!shop) return ANONYMOUS;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return {
    kind: "customer",
    shop,
    customerId: session.customer.id,
    sessionId: session.id,
    authenticatedAt: session.authenticatedAt,
  };
}

export function requireCustomer(viewer: Viewer): CustomerViewer {
  if (viewer.kind !== "customer") {
    throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  }
  return viewer;
}
