import type { SocialProvider } from "./providers";

// What a provider gave us, field by field, as a person reads it: each value under the
// provider's own field name, labelled in words. Nested values (Facebook's
// picture.data.url) are flattened to one line each; nothing is left out.

export type ProvidedValue = { field: string; label: string; value: string };

const COMMON: Record<string, string> = {
  name: "Name",
  email: "Email address",
  first_name: "First name",
  last_name: "Last name",
  given_name: "First name",
  family_name: "Last name",
  locale: "Language",
  picture: "Profile picture",
};

const LABELS: Record<SocialProvider, Record<string, string>> = {
  facebook: {
    id: "Your Facebook user ID (for this shop)",
    "picture.data.url": "Profile picture",
    "picture.data.width": "Profile picture width",
    "picture.data.height": "Profile picture height",
    "picture.data.is_silhouette": "Profile picture is the default silhouette",
    birthday: "Birthday",
    "hometown.name": "Hometown",
    "hometown.id": "Hometown (Facebook place ID)",
    "location.name": "Current city",
  },
  twitter: {
    id: "Your X user ID",
    username: "Username",
    profile_image_url: "Profile picture",
    location: "Location",
    description: "Bio",
  },
  microsoft: {
    sub: "Your Microsoft account ID (for this shop)",
    preferred_username: "Microsoft sign-in name",
    oid: "Microsoft object ID",
    tid: "Microsoft directory (tenant) ID",
  },
  google: {
    sub: "Your Google account ID",
    email_verified: "Email address verified by Google",
    hd: "Google Workspace domain",
  },
};

const words = (path: string) =>
  path
    .split(".")
    .map((part) => part.replace(/_/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2"))
    .join(" › ")
    .replace(/^./, (c) => c.toUpperCase());

function flatten(value: unknown, path: string, out: [string, unknown][]) {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, path ? `${path}.${key}` : key, out);
    return;
  }
  out.push([path, value]);
}

function valueText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.map(valueText).filter(Boolean).join(", ") || null;
  return String(value);
}

export function providedData(provider: SocialProvider, profile: unknown): ProvidedValue[] {
  const pairs: [string, unknown][] = [];
  flatten(profile, "", pairs);
  return pairs.flatMap(([field, raw]) => {
    const value = valueText(raw);
    if (!field || value === null) return [];
    return [{ field, label: LABELS[provider][field] ?? COMMON[field] ?? words(field), value }];
  });
}
