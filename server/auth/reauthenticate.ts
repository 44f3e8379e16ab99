import "server-only";
import { z } from "zod";
import { getPrisma } from "../db";
import { AppError } from "../errors";
import { invalidInput } from "../validation";
import { verifyPassword } from "./password";
import { clearFailures, isThrottled, recordFailure, throttleKeys } from "./throttle";
import { requireCustomer, type Viewer } from "./viewer";

// Asks for the password again inside a session, before actions that hand over the
// whole account's data (downloading an export). Wrong guesses count toward the same
// lock-out as sign-in, so this is no way round it.

const schema = z.object({
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1024),
});

export async function reauthenticateSession(options: {
  viewer: Viewer;
  input: unknown;
  client?: { ip: string | null; userAgent: string | null };
}): Promise<{ authenticatedAt: Date }> {
  const viewer = requireCustomer(options.viewer);
  const parsed = schema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const prisma = getPrisma();
  const now = new Date();
  const customer = await prisma.customer.findFirst({
    where: { id: viewer.customerId, shopId: viewer.shop.id },
    select: { email: true, passwordHash: true },
  });
  if (!customer) throw new AppError("NOT_FOUND", "Customer not found.");
  const throttle = throttleKeys(viewer.shop.id, customer.email, null);
  if (await isThrottled(throttle, now)) {
    throw new AppError(
      "RATE_LIMITED",
      "Too many wrong passwords. For your security, wait 15 minutes before trying again.",
    );
  }
  const isValid = await verifyPassword(parsed.data.password, customer.passwordHash);
  await prisma.signInEvent.create({
    data: {
      shopId: viewer.shop.id,
      customerId: viewer.customerId,
      method: "password-again",
      isSuccessful: isValid,
      ip: options.client?.ip ?? null,
      userAgent: options.client?.userAgent ?? null,
    },
  });
  if (!isValid) {
    await recordFailure(throttle, now);
    throw new AppError("INVALID_INPUT", "The password is not right.", [
      { field: ["input", "password"], code: "INVALID_INPUT", message: "The password is not right." },
    ]);
  }
  const { count } = await prisma.session.updateMany({
    where: { id: viewer.sessionId, customerId: viewer.customerId, revokedAt: null },
    data: { authenticatedAt: now },
  });
  if (count === 0) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  // As at sign-in: the right password ends the count of wrong ones.
  await clearFailures(throttle);
  return { authenticatedAt: now };
}
