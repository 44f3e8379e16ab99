import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkSchemaHistory, SDL_PATH } from "@/scripts/schema-breaking-check";

// A throwaway repository with a history of schema changes.
let dir = "";

function repo() {
  dir = mkdtempSync(path.join(tmpdir(), "schema-check-"));
  mkdirSync(path.join(dir, "graphql"));
  git("init", "-q");
  return dir;
}

function git(...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], {
    cwd: dir,
    encoding: "utf8",
  }).trim();
}

function commit(sdl: string, message: string): string {
  writeFileSync(path.join(dir, SDL_PATH), sdl);
  git("add", "-A");
  git("commit", "-q", "--allow-empty", "-m", message);
  return git("rev-parse", "HEAD");
}

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const V1 = "type Query { a: String b(x: Int): String }\n";

describe("schema-breaking-check", () => {
  it("passes additive changes and fails a removal without a Breaking-Schema line", () => {
    repo();
    const baseline = commit(V1, "baseline");
    commit("type Query { a: String b(x: Int): String c: Int }\n", "Add c");
    expect(checkSchemaHistory({ cwd: dir, baseline }).ok).toBe(true);
    commit("type Query { a: String c: Int }\n", "Drop b");
    const result = checkSchemaHistory({ cwd: dir, baseline });
    expect(result.ok).toBe(false);
    expect(result.lines.join("\n")).toMatch(/Drop b.*Breaking-Schema[\s\S]*FIELD_REMOVED: Query.b was removed/);
  });

  it("accepts a breaking commit that says why", () => {
    repo();
    const baseline = commit(V1, "baseline");
    commit("type Query { a: String b(x: Int!): String }\n", "Require x\n\nBreaking-Schema: x was always needed");
    const result = checkSchemaHistory({ cwd: dir, baseline });
    expect(result.ok).toBe(true);
    expect(result.lines.join("\n")).toMatch(/declared with Breaking-Schema/);
  });

  it("judges commits before the baseline no more", () => {
    repo();
    commit(V1, "first");
    const baseline = commit("type Query { a: String }\n", "Drop b, before the check existed");
    expect(checkSchemaHistory({ cwd: dir, baseline }).ok).toBe(true);
  });

  it("fails an uncommitted breaking change unless allowed", () => {
    repo();
    const baseline = commit(V1, "baseline");
    writeFileSync(path.join(dir, SDL_PATH), "type Query { a: Int b(x: Int): String }\n");
    const refused = checkSchemaHistory({ cwd: dir, baseline });
    expect(refused.ok).toBe(false);
    expect(refused.lines.join("\n")).toMatch(/FIELD_CHANGED_KIND: Query.a changed type from String to Int/);
    expect(checkSchemaHistory({ cwd: dir, baseline, allowBreaking: true }).ok).toBe(true);
  });

  it("checks only the working tree when the baseline is not in the history", () => {
    repo();
    commit(V1, "first");
    commit("type Query { a: String }\n", "Drop b");
    const result = checkSchemaHistory({ cwd: dir, baseline: "0".repeat(40) });
    expect(result.ok).toBe(true);
    expect(result.lines[0]).toMatch(/not in this repository/);
  });
});
