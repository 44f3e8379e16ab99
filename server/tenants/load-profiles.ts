import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { type ShopProfile, shopProfileSchema } from "./profile-schema";

export class ProfileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Invalid shop profile ${file}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ProfileError";
  }
}

// Parses and validates one profile file. The message names the file and every field
// at fault, so a broken profile is fixed without reading code.
export function parseProfile(file: string, source: string): ShopProfile {
  let raw: unknown;
  try {
    raw = parse(source);
  } catch (error) {
    throw new ProfileError(file, [`not valid YAML: ${(error as Error).message.split("\n")[0]}`]);
  }
  const result = shopProfileSchema.safeParse(raw);
  if (!result.success) {
    throw new ProfileError(
      file,
      result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`),
    );
  }
  const expected = path.basename(file).replace(/\.ya?ml$/, "");
  if (result.data.handle !== expected) {
    throw new ProfileError(file, [`handle: "${result.data.handle}" must match the file name "${expected}"`]);
  }
  return result.data;
}

export function loadProfilesFrom(dir: string): ShopProfile[] {
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  return files.map((f) => parseProfile(path.join(dir, f), readFileSync(path.join(dir, f), "utf8")));
}

export function shopsDirectory(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.SHOPS_DIR ?? path.join(process.cwd(), "shops"));
}
