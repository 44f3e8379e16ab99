import "server-only";
import { z } from "zod";
import { authorize, canActorTake, tryAuthorize } from "../auth/authorize";
import { hashPassword, PASSWORD_MIN_LENGTH } from "../auth/password";
import type { Viewer } from "../auth/viewer";
import { applyConsentChanges, consentChangesSchema, validateConsentChanges } from "../consent";
import { getPrisma, Prisma } from "../db";
import { isSuppressed } from "../erasure/suppression";
import { AppError } from "../errors";
import { acceptInvitationsOnSignUp } from "../invitations";
import { tryDeliverPendingEmails } from "../mail";
import { findShop } from "../tenants";
import { hasUnsafeCharacters, invalidInput, NAME_ONE_LINE } from "../validation";

export const customerSelect = {
  id: true,
  shopId: true,
  email: true,
  firstName: true,
  lastName: true,
  alias: true,
  createdAt: true,
  status: true,
} as const;

export type CustomerSummary = Prisma.CustomerGetPayload<{ select: typeof customerSelect }>;

// The subject's own record (the signed-in customer, or the customer a support agent is
// acting for). Scoped by shop and owner in the query itself.
export async function getCustomer(options: { viewer: Viewer; customerId?: string }): Promise<CustomerSummary> {
  const scope = await authorize(options.viewer, "account.read", options.customerId);
  const customer = await getPrisma().customer.findFirst({
    where: { id: scope.customerId, shopId: scope.shop.id },
    select: customerSelect,
  });
  if (!customer) throw new AppError("NOT_FOUND", "Customer not found.");
  return customer;
}

// For node(id:) and optional fields: the customer only when it is the viewer's subject.
export async function findCustomerById(options: {
  viewer: Viewer;
  customerId?: string;
  id: string;
}): Promise<CustomerSummary | null> {
  const scope = await tryAuthorize(options.viewer, "account.read", options.id);
  if (!scope) return null;
  return getPrisma().customer.findFirst({
    where: { id: scope.customerId, shopId: scope.shop.id },
    select: customerSelect,
  });
}

// customerByEmail: the customer of the viewer's shop with exactly this address (case
// aside), when the viewer may read them: a partner key with customers:read reads any
// customer of its shop; others only their own subject. Null when there is none.
export async function findCustomerByEmail(options: { viewer: Viewer; email: string }): Promise<CustomerSummary | null> {
  const { viewer } = options;
  if (viewer.kind === "anonymous") return null;
  if (hasUnsafeCharacters(options.email) || options.email.length > 254) {
    throw new AppError("INVALID_INPUT", "Give an email address of at most 254 characters, without control characters.");
  }
  const email = options.email.trim().toLowerCase();
  if (!email) return null;
  // A key without the scope learns so, rather than "nobody".
  if (viewer.kind === "partner" && !canActorTake(viewer, "account.read")) {
    await authorize(viewer, "account.read");
  }
  const found = await getPrisma().customer.findFirst({
    where: { shopId: viewer.shop.id, email: { equals: email, mode: "insensitive" }, status: { not: "ERASED" } },
    select: { id: true },
  });
  if (!found) return null;
  return findCustomerById({ viewer, id: found.id });
}

// One line: a name goes into greetings and email subjects.
const name = z
  .string()
  .trim()
  .min(1, "Enter a name.")
  .max(100, "Use at most 100 characters.")
  .refine((value) => !/[\r\n\t]/.test(value), NAME_ONE_LINE);

export const signUpSchema = z.object({
  shop: z.string().min(1),
  email: z.string().trim().toLowerCase().email("Enter a valid email address.").max(254),
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
    .max(1024, "Use at most 1024 characters."),
  firstName: name,
  lastName: name,
  // Checked against the shop's purposes once the shop is known.
  consents: consentChangesSchema.nullish(),
  // The token of the invitation link the customer came through; one that is not valid
  // is ignored (the account is opened all the same).
  invitationToken: z.string().max(200).nullish(),
});

export async function createCustomer(options: {
  viewer: Viewer;
  // The customer the call is about (a Customer field passes its parent): must be the subject.
  customerId?: string;
  input: unknown;
  // The request's Global Privacy Control signal: covered purposes cannot be granted.
  globalPrivacyControl?: boolean;
}): Promise<CustomerSummary> {
  if (options.viewer.kind !== "anonymous") {
    throw new AppError("FORBIDDEN", "Sign out before opening a new account.");
  }
  const parsed = signUpSchema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const input = parsed.data;
  const shop = await findShop({ handle: input.shop });
  if (!shop) {
    throw new AppError("NOT_FOUND", "There is no shop with this handle.", [
      { field: ["input", "shop"], code: "NOT_FOUND", message: "There is no shop with this handle." },
    ]);
  }
  // A shop whose policy does not allow a new account after deletion keeps the erased
  // address on its suppression list; the others let the same address register again.
  if (
    !shop.profile.deletion.canReRegister &&
    (await isSuppressed({ shopId: shop.id, email: input.email, reason: "erasure" }))
  ) {
    const message = "An account with this email address was deleted; this shop does not allow opening it again.";
    throw new AppError("CONFLICT", message, [{ field: ["input", "email"], code: "CONFLICT", message }]);
  }
  const consents = validateConsentChanges(shop, input.consents ?? [], {
    path: ["input", "consents"],
    globalPrivacyControl: options.globalPrivacyControl ?? false,
  });
  const passwordHash = await hashPassword(input.password);
  try {
    // The account and the choices ticked with it are one change.
    const created = await getPrisma().$transaction(async (tx) => {
      const customer = await tx.customer.create({
        data: {
          shopId: shop.id,
          email: input.email,
          passwordHash,
          firstName: input.firstName,
          lastName: input.lastName,
          locale: shop.profile.locale,
        },
        select: customerSelect,
      });
      if (consents.length) {
        await applyConsentChanges(tx, {
          shop,
          customerId: customer.id,
          changes: consents,
          source: "SIGN_UP",
          actor: { type: "CUSTOMER", id: customer.id },
        });
      }
      // Invitations to this address, and the one whose link was followed, are accepted.
      await acceptInvitationsOnSignUp(tx, {
        shopId: shop.id,
        customerId: customer.id,
        email: input.email,
        token: input.invitationToken,
      });
      return customer;
    });
    // A double opt-in link for email marketing ticked at sign-up; best effort after
    // commit, what is not sent now stays queued.
    await tryDeliverPendingEmails({ shopId: shop.id });
    return created;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const message = "An account with this email already exists in this shop. Sign in instead.";
      throw new AppError("CONFLICT", message, [{ field: ["input", "email"], code: "CONFLICT", message }]);
    }
    throw error;
  }
}
