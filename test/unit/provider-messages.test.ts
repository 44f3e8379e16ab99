import { describe, expect, it } from "vitest";
import {
  GENERIC_PROVIDER_MESSAGE,
  PROVIDER_REFUSALS,
  providerMessage,
  providerNameOf,
} from "@/components/provider-messages";

const shopName = "Almaz";

describe("the words for a provider's refusal", () => {
  it("has its own sentence for every reason the server gives", () => {
    const texts = PROVIDER_REFUSALS.map((code) => providerMessage(code, { provider: "Facebook", shopName }));
    for (const text of texts) {
      expect(text).toBeTruthy();
      expect(text).not.toBe(GENERIC_PROVIDER_MESSAGE);
      expect(text).not.toMatch(/undefined|null|\$\{/);
      expect(text?.charAt(0)).toBe(text?.charAt(0).toUpperCase());
    }
    expect(new Set(texts).size).toBe(PROVIDER_REFUSALS.length);
  });

  it("names the provider and the shop where it helps", () => {
    expect(providerMessage("EMAIL_IN_USE", { provider: "Facebook", shopName })).toContain(
      "An account with the email address Facebook gave us already exists. Sign in with your email and password, then link Facebook under My Account → Privacy → Connected accounts.",
    );
    expect(providerMessage("NO_EMAIL", { provider: "X (Twitter)", shopName })).toMatch(
      /^X \(Twitter\) did not give us an email address, and a new Almaz account needs one/,
    );
    expect(providerMessage("CANNOT_REGISTER_AGAIN", { provider: "Google", shopName })).toContain("Almaz");
  });

  it("reads well when the provider is not known", () => {
    for (const code of PROVIDER_REFUSALS) {
      const text = providerMessage(code, { provider: null, shopName }) ?? "";
      expect(text.charAt(0)).toBe(text.charAt(0).toUpperCase());
      expect(text).not.toContain("null");
    }
    expect(providerMessage("NO_EMAIL", { shopName })).toMatch(/^The provider did not give us/);
    expect(providerMessage("UNLINKED", { shopName })).toMatch(/^You unlinked this provider account/);
  });

  it("gives the generic sentence for next-auth's errors and anything unknown", () => {
    for (const code of ["OAuthCallback", "OAuthSignin", "AccessDenied", "Callback", "whatever", "toString"]) {
      expect(providerMessage(code, { provider: "Facebook", shopName })).toBe(GENERIC_PROVIDER_MESSAGE);
    }
    expect(GENERIC_PROVIDER_MESSAGE).toBe(
      "Signing in with the provider did not complete. Try again, or sign in with your email and password.",
    );
  });

  it("says nothing without an error", () => {
    expect(providerMessage(undefined, { shopName })).toBeNull();
    expect(providerMessage("", { shopName })).toBeNull();
    expect(providerMessage(["EMAIL_IN_USE", "NO_EMAIL"], { provider: "Google", shopName })).toMatch(/already exists/);
  });
});

describe("the provider's name from the URL", () => {
  it("accepts only the known providers", () => {
    expect(providerNameOf("facebook")).toBe("Facebook");
    expect(providerNameOf("twitter")).toBe("X (Twitter)");
    expect(providerNameOf("GOOGLE")).toBe("Google");
    expect(providerNameOf("evil <b>text</b>")).toBeNull();
    expect(providerNameOf("constructor")).toBeNull();
    expect(providerNameOf(undefined)).toBeNull();
  });

  it("prefers the shop's own names", () => {
    expect(providerNameOf("microsoft", [{ provider: "MICROSOFT", name: "Microsoft account" }])).toBe(
      "Microsoft account",
    );
  });
});
