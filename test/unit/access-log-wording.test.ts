import { describe, expect, it } from "vitest";
import {
  endReasonWords,
  entryTitle,
  fieldWords,
  sessionEndText,
  signInDetail,
  supportAccessText,
  supportStepText,
} from "@/components/access-log-wording";

const step = (action: string, subject: string | null = null, fields: string[] = []) =>
  supportStepText({ action, subject, fields });

describe("the words of the access log", () => {
  it("says what a support agent viewed, changed and was refused", () => {
    expect(step("impersonation.view", "data.read")).toBe("viewed your data");
    expect(step("impersonation.view", "documents.read")).toBe("viewed your invoices and warranty certificates");
    expect(step("address.write")).toBe("changed an address");
    expect(step("address.update")).toBe("changed an address");
    expect(step("address.create")).toBe("added an address");
    expect(step("address.delete")).toBe("removed an address");
    expect(step("customer.update", null, ["firstName", "dateOfBirth", "phones"])).toBe(
      "corrected: first name, date of birth, phone numbers",
    );
    expect(step("customer.update")).toBe("corrected your details");
    expect(step("impersonation.refused", "email.change")).toBe("was refused: change your email");
    expect(step("impersonation.refused", "deletion.request")).toBe("was refused: ask for your account to be deleted");
    expect(step("impersonation.refused", "something.new")).toBe("was refused: something.new");
    expect(step("data.reveal", "nationalId")).toBe("showed in full: national ID number");
    expect(step("document.download", "Invoice")).toBe("downloaded an invoice");
  });

  it("leaves the session's start and end to the card", () => {
    expect(step("impersonation.start")).toBeNull();
    expect(step("impersonation.end")).toBeNull();
  });

  it("says how a session ended", () => {
    expect(endReasonWords("ENDED")).toBe("ended by the agent");
    expect(endReasonWords("EXPIRED")).toBe("its time ran out");
    expect(endReasonWords("SIGNED_OUT")).toBe("the agent signed out");
    expect(endReasonWords("REVOKED")).toBe("access withdrawn by you");
    expect(
      sessionEndText({
        endedAt: "2026-11-22T08:10:00.000Z",
        endReason: "REVOKED",
        expiresAt: "2026-11-22T08:30:00.000Z",
      }),
    ).toBe("22 Nov 2026, 08:10 UTC: access withdrawn by you");
    expect(sessionEndText({ endedAt: null, endReason: null, expiresAt: "2026-11-22T08:30:00.000Z" })).toBe(
      "Still open, until 22 Nov 2026, 08:30 UTC at the latest",
    );
  });

  it("titles each kind of entry", () => {
    const base = { action: null, subject: null, actorName: null };
    expect(entryTitle({ ...base, kind: "SIGN_IN" })).toBe("You signed in");
    expect(entryTitle({ ...base, kind: "SIGN_IN_FAILED" })).toBe("Someone tried to sign in, with a wrong password");
    expect(entryTitle({ ...base, kind: "PASSWORD_AGAIN" })).toBe("You entered your password again");
    expect(entryTitle({ ...base, kind: "SUPPORT_SESSION", actorName: "Sam from support" })).toBe(
      "Sam from support opened your account",
    );
    expect(entryTitle({ ...base, kind: "REVEAL", action: "data.reveal", subject: "dateOfBirth" })).toBe(
      "Shown in full: your date of birth",
    );
    expect(entryTitle({ ...base, kind: "DOWNLOAD", action: "document.download", subject: "WarrantyCertificate" })).toBe(
      "A warranty certificate was downloaded",
    );
    expect(entryTitle({ ...base, kind: "DOWNLOAD", action: "export.download", subject: "x" })).toBe(
      "A copy of your data was downloaded",
    );
    expect(entryTitle({ ...base, kind: "DOWNLOAD", action: "documents.archive" })).toBe(
      "All your documents were downloaded, as one ZIP file",
    );
  });

  it("names the browser and the masked address of a sign-in", () => {
    expect(
      signInDetail(
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0",
        "203.0.113.x",
      ),
    ).toBe("Firefox 128 on macOS, from 203.0.113.x");
    expect(signInDetail(null, null)).toBe("An unknown browser");
    expect(fieldWords("someNewField")).toBe("some new field");
  });

  it("says whether support staff may open the account", () => {
    expect(supportAccessText({ isPermissionRequired: true, isAllowed: false, expiresAt: null })).toBe(
      "Support staff may not open your account now.",
    );
    expect(supportAccessText({ isPermissionRequired: true, isAllowed: true, expiresAt: null })).toBe(
      "Support staff may open your account until you withdraw your permission.",
    );
    expect(
      supportAccessText({ isPermissionRequired: true, isAllowed: true, expiresAt: "2026-11-29T08:00:00.000Z" }),
    ).toBe("Support staff may open your account until 29 November 2026 at 08:00 UTC.");
    expect(supportAccessText({ isPermissionRequired: false, isAllowed: true, expiresAt: null })).toMatch(
      /for a stated reason and ticket\. Every session is listed below/,
    );
  });
});
