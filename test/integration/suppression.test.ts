import { afterEach, describe, expect, it } from "vitest";
import { ANONYMOUS } from "@/server/auth/viewer";
import { sendMarketingEmail } from "@/server/consent/marketing";
import { createCustomer as signUp } from "@/server/customers";
import { getPrisma } from "@/server/db";
import { addSuppression, isSuppressed, suppressionHash } from "@/server/erasure/suppression";
import { isAppError } from "@/server/errors";
import { getShopProfile } from "@/server/tenants";
import { createCustomer, shop, TEST_PASSWORD, uniqueEmail } from "../factories";

// The suppression list keeps erased addresses (as keyed hashes) so that mail needing
// consent never reaches them again, unless the person came back with a new account.

const PURPOSE = "marketing:email:new-collections";

async function grant(shopId: string, customerId: string, policyVersion: string) {
  await getPrisma().consentRecord.create({
    data: {
      shopId,
      customerId,
      purposeKey: PURPOSE,
      state: "GRANTED",
      optInLevel: "CONFIRMED",
      source: "IMPORT",
      actorType: "SYSTEM",
      policyVersion,
    },
  });
}

const errorOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected an error");
};

describe("the suppression list", () => {
  const allegra = () => getShopProfile("allegra");
  afterEach(() => {
    const profile = allegra();
    if (profile) profile.deletion.canReRegister = true;
  });

  it("stores only a keyed hash and matches the address whatever its case", async () => {
    const s = await shop("allegra");
    const email = uniqueEmail("Suppressed");
    await addSuppression(getPrisma(), { shopId: s.id, email, reason: "erasure" });
    const rows = await getPrisma().suppressionEntry.findMany({ where: { emailHash: suppressionHash(email) } });
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(email.toLowerCase());
    expect(await isSuppressed({ shopId: s.id, email: ` ${email.toUpperCase()} ` })).toBe(true);
    expect(await isSuppressed({ shopId: s.id, email: uniqueEmail() })).toBe(false);
    // Another shop's list is its own.
    expect(await isSuppressed({ shopId: (await shop("almaz")).id, email })).toBe(false);
  });

  it("refuses marketing to an address suppressed after the account was opened, allows a later account", async () => {
    const s = await shop("allegra");
    const older = await createCustomer({ shop: "allegra" });
    await grant(s.id, older.id, s.profile.policyVersion);
    await addSuppression(getPrisma(), { shopId: s.id, email: older.email, reason: "erasure" });
    const refused = await errorOf(
      sendMarketingEmail({ shop: s, customerId: older.id, purposeKey: PURPOSE, subject: "Offers", text: "Hello" }),
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect(await getPrisma().outboundEmail.count({ where: { customerId: older.id, kind: "marketing" } })).toBe(0);

    // The same address, registered again after the entry, with its own consent.
    const email = uniqueEmail("back");
    await addSuppression(getPrisma(), { shopId: s.id, email, reason: "erasure" });
    await new Promise((r) => setTimeout(r, 5));
    const returning = await createCustomer({ shop: "allegra", email });
    await grant(s.id, returning.id, s.profile.policyVersion);
    await sendMarketingEmail({ shop: s, customerId: returning.id, purposeKey: PURPOSE, subject: "Offers", text: "Hi" });
    expect(await getPrisma().outboundEmail.count({ where: { customerId: returning.id, kind: "marketing" } })).toBe(1);
  });

  it("lets an erased address sign up again only where the shop allows it", async () => {
    const s = await shop("allegra");
    const email = uniqueEmail("erased");
    await addSuppression(getPrisma(), { shopId: s.id, email, reason: "erasure" });
    const input = { shop: "allegra", email, password: TEST_PASSWORD, firstName: "Ana", lastName: "Pop" };

    const profile = allegra();
    if (!profile) throw new Error("no allegra profile");
    profile.deletion.canReRegister = false;
    const refused = await errorOf(signUp({ viewer: ANONYMOUS, input }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.fieldErrors[0]?.field).toEqual(["input", "email"]);
    expect(await getPrisma().customer.count({ where: { shopId: s.id, email } })).toBe(0);

    profile.deletion.canReRegister = true;
    const created = await signUp({ viewer: ANONYMOUS, input });
    expect(created.email).toBe(email);
  });

  it("keeps an invited friend's objection from blocking their own sign-up, while an erasure later still does", async () => {
    const s = await shop("allegra");
    const email = uniqueEmail("objected");
    await addSuppression(getPrisma(), { shopId: s.id, email, reason: "invitation-objection" });
    // Suppressed for invitations and marketing, but not an erased account.
    expect(await isSuppressed({ shopId: s.id, email })).toBe(true);
    expect(await isSuppressed({ shopId: s.id, email, reason: "erasure" })).toBe(false);

    const profile = allegra();
    if (!profile) throw new Error("no allegra profile");
    profile.deletion.canReRegister = false;
    const input = { shop: "allegra", email, password: TEST_PASSWORD, firstName: "Ana", lastName: "Pop" };
    const created = await signUp({ viewer: ANONYMOUS, input });
    expect(created.email).toBe(email);

    // Erasing that account afterwards turns the entry into an erasure entry.
    await addSuppression(getPrisma(), { shopId: s.id, email, reason: "erasure" });
    const entry = await getPrisma().suppressionEntry.findUniqueOrThrow({
      where: { shopId_emailHash: { shopId: s.id, emailHash: suppressionHash(email) } },
    });
    expect(entry.reason).toBe("erasure");
    expect(await isSuppressed({ shopId: s.id, email, reason: "erasure" })).toBe(true);
  });
});
