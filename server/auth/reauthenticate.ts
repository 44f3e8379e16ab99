import "server-only";
import { z } from "zod";
import { getPrisma } from "../db";
import { AppError } from "../errors";
import { invalidInput } from "../validation";
import { authorize, requireSelf } from "./authorize";
import { verifyPassword } from "./password";
import { clearFailures, isThrottled, recordFailure, throttleKeys } from "./throttle";
import type { Viewer } from "./viewer";

// Asks for the password again inside a session, before actions that hand over the
// whole account's data (downloading an export). Wrong guesses count toward the same
// lock-out as sign-in, so this is no way round it.

const schema = z.object({
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1024),
});

export async function reauthenticateSession(options: {
  viewer: Viewer;
  // The customer the call is about (a Customer field passes its parent): must be the subject.
  customerId?: string;
  input: unknown;
}): Promise<{ authenticatedAt: Date }> {
  const scope = await authorize(options.viewer, "session.reauthenticate", options.customerId);
  // The customer's own session (authorize refuses everyone else).
  const self = requireSelf(options.viewer);
  const parsed = schema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const prisma = getPrisma();
  const now = new Date();
  const customer = await prisma.customer.findFirst({
    where: { id: scope.customerId, shopId: scope.shop.id },
    select: { email: true, passwordHash: true },
  });
  if (!customer) throw new AppError("NOT_FOUND", "Customer not found.");
  const throttle = throttleKeys(scope.shop.id, customer.email, null);
  if (await isThrottled(throttle, now)) {
    throw new AppError(
      "RATE_LIMITED",
      "Too many wrong passwords. For your security, wait 15 minutes before trying again.",
    );
  }
  const isValid = await verifyPassword(parsed.data.password, customer.passwordHash);
  await prisma.signInEvent.create({
    data: {
      shopId: scope.shop.id,
      customerId: scope.customerId,
      method: "password-again",
      isSuccessful: isValid,
      ip: self.request.ip,
      userAgent: self.request.userAgent,
    },
  });
  if (!isValid) {
    await recordFailure(throttle, now);
    throw new AppError("INVALID_INPUT", "The password is not right.", [
      { field: ["input", "password"], code: "INVALID_INPUT", message: "The password is not right." },
    ]);
  }
  const { count } = await prisma.session.updateMany({
    where: { id: self.sessionId, customerId: scope.customerId, revokedAt: null },
    data: { authenticatedAt: now },
  });
  if (count === 0) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  // As at sign-in: the right password ends the count of wrong ones.
  await clearFailures(throttle);
  return { authenticatedAt: now };
}

// How recently a customer must have proved who they are (password, or a linked social
// provider) for actions that ask for it: linking a provider, a first password, and, for
// an account without a password, deleting it.
export const RECENT_AUTHENTICATION_MS = 10 * 60_000;

// Whether the session proved who it is recently enough (the one rule all of those use).
export function isRecentlyAuthenticated(session: { authenticatedAt: Date }, now = Date.now()): boolean {
  return now - session.authenticatedAt.getTime() <= RECENT_AUTHENTICATION_MS;
}

// Before a sensitive action: the password again, or, for an account opened with a
// social provider that has no password, a sign-in with a linked provider in the last
// 10 minutes (the page offers "Confirm it's you with Facebook").
export async function confirmIdentity(options: {
  viewer: Viewer;
  customerId?: string;
  password: string | null | undefined;
}): Promise<void> {
  const scope = await authorize(options.viewer, "session.reauthenticate", options.customerId);
  const self = requireSelf(options.viewer);
  const customer = await getPrisma().customer.findFirst({
    where: { id: scope.customerId, shopId: scope.shop.id },
    select: { passwordHash: true },
  });
  if (!customer) throw new AppError("NOT_FOUND", "Customer not found.");
  if (customer.passwordHash !== null || options.password) {
    await reauthenticateSession({
      viewer: options.viewer,
      customerId: options.customerId,
      input: { password: options.password ?? "" },
    });
    return;
  }
  if (!isRecentlyAuthenticated(self)) {
    const message = "Your account has no password: confirm it's you by signing in again with a provider linked to it.";
    throw new AppError("FORBIDDEN", message, [{ field: ["input", "password"], code: "FORBIDDEN", message }]);
  }
}
