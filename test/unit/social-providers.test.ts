import { describe, expect, it } from "vitest";
import { cleanProviderData, cleanProviderText } from "@/server/social/clean";
import { localClientSecret } from "@/server/social/local-idp";
import { providedData } from "@/server/social/provided-data";
import { credentialsFor, PROFILE_MAPPERS, parseProviderId, shopProviders } from "@/server/social/providers";

describe("each provider's profile mapping", () => {
  it("reads Facebook's Graph fields, with or without an email", () => {
    const raw = {
      id: "10200000000000001",
      name: "Ioana Marin",
      first_name: "Ioana",
      last_name: "Marin",
      email: "Ioana.Marin@Example.net",
      picture: { data: { url: "http://127.0.0.1/p.png", width: 50, height: 50, is_silhouette: false } },
    };
    expect(PROFILE_MAPPERS.facebook(raw)).toMatchObject({
      id: "10200000000000001",
      email: "ioana.marin@example.net",
      firstName: "Ioana",
      lastName: "Marin",
      details: raw,
    });
    expect(PROFILE_MAPPERS.facebook({ id: "1", name: "Radu Ionescu" })).toMatchObject({
      email: null,
      firstName: "Radu",
      lastName: "Ionescu",
    });
  });

  it("reads X's { data } answer and never has an email", () => {
    const mapped = PROFILE_MAPPERS.twitter({ data: { id: "15", name: "Ioana Marin", username: "ioana_marin" } });
    expect(mapped).toMatchObject({ id: "15", email: null, firstName: "Ioana", lastName: "Marin" });
    expect(mapped.details).toEqual({ id: "15", name: "Ioana Marin", username: "ioana_marin" });
  });

  it("reads Microsoft's and Google's ID token claims without the protocol's own", () => {
    const claims = { iss: "x", aud: "y", exp: 1, iat: 1, nonce: "n", at_hash: "h", sid: "s" };
    const ms = PROFILE_MAPPERS.microsoft({ ...claims, sub: "ms-1", name: "Ioana Marin", email: "i@outlook.example" });
    expect(ms).toMatchObject({ id: "ms-1", email: "i@outlook.example" });
    expect(Object.keys(ms.details).sort()).toEqual(["email", "name", "sub"]);
    const google = PROFILE_MAPPERS.google({
      ...claims,
      sub: "g-1",
      email: "i@gmail.example",
      email_verified: false,
      given_name: "Ioana",
      family_name: "Marin",
    });
    // An unverified address is not an email we may open an account with.
    expect(google).toMatchObject({ id: "g-1", email: null, firstName: "Ioana", lastName: "Marin" });
  });
});

describe("what a provider gave us, in words", () => {
  it("flattens nested fields and labels them, leaving nothing out", () => {
    const rows = providedData("facebook", {
      id: "1",
      email: "a@b.example",
      picture: { data: { url: "http://x/p.png", is_silhouette: false } },
      favourite_colour: "green",
    });
    expect(rows).toEqual([
      { field: "id", label: "Your Facebook user ID (for this shop)", value: "1" },
      { field: "email", label: "Email address", value: "a@b.example" },
      { field: "picture.data.url", label: "Profile picture", value: "http://x/p.png" },
      { field: "picture.data.is_silhouette", label: "Profile picture is the default silhouette", value: "No" },
      { field: "favourite_colour", label: "Favourite colour", value: "green" },
    ]);
  });
});

describe("a provider's strange text", () => {
  it("drops NUL, control characters and lone surrogates, and caps sizes", () => {
    expect(cleanProviderText("An\u0000a\u0007 \ud800Marin", 100)).toBe("Ana Marin");
    expect(cleanProviderText("😀".repeat(10), 3)).toBe("😀😀😀");
    expect(cleanProviderText("x".repeat(100_000), 255)).toHaveLength(255);
    expect(cleanProviderText("\u0000", 10)).toBeNull();
    const cleaned = cleanProviderData({ "na\u0000me": "A\udc00", deep: { a: { b: { c: { d: { e: 1 } } } } } });
    expect(cleaned).toEqual({ name: "A", deep: { a: { b: {} } } });
    expect(JSON.stringify(cleaned)).not.toMatch(/\\u0000/);
  });
});

describe("which providers an installation offers", () => {
  it("parses next-auth's provider ids, shop handles with dashes included", () => {
    expect(parseProviderId("micro-image-google")).toEqual({ shop: "micro-image", provider: "google" });
    expect(parseProviderId("almaz-myspace")).toBeNull();
    expect(parseProviderId("facebook")).toBeNull();
  });

  it("takes a shop's own credentials first, then the local provider, else none", () => {
    const env = {
      OAUTH_MICRO_IMAGE_GOOGLE_CLIENT_ID: "real-id",
      OAUTH_MICRO_IMAGE_GOOGLE_CLIENT_SECRET: "real-secret",
      LOCAL_IDP_URL: "http://127.0.0.1:3401",
      LOCAL_IDP_SECRET: "shared",
    };
    expect(credentialsFor("micro-image", "google", env)).toEqual({
      clientId: "real-id",
      clientSecret: "real-secret",
      tenant: null,
      localUrl: null,
    });
    expect(credentialsFor("almaz", "facebook", env)).toEqual({
      clientId: "almaz-facebook",
      clientSecret: localClientSecret("almaz-facebook", "shared"),
      tenant: null,
      localUrl: "http://127.0.0.1:3401",
    });
    // Half a pair is no pair.
    expect(credentialsFor("almaz", "facebook", { OAUTH_ALMAZ_FACEBOOK_CLIENT_ID: "id" })).toBeNull();
  });

  it("lists only the providers the shop's profile enables", () => {
    const options = shopProviders({ handle: "almaz", features: { socialProviders: ["facebook", "twitter"] } });
    expect(options.map((o) => [o.provider, o.providerId, o.name])).toEqual([
      ["facebook", "almaz-facebook", "Facebook"],
      ["twitter", "almaz-twitter", "X (Twitter)"],
    ]);
  });
});
