// Fails when the published schema (graphql/schema.graphql) breaks its clients without
// saying so. Partners build against that file, so a removed field, a new required
// argument or a narrowed type must be deliberate:
// - every commit since BASELINE that changed the SDL is compared with its parent
//   (graphql's findBreakingChanges); a breaking change needs a line
//   `Breaking-Schema: <reason>` in that commit's message;
// - the working tree's SDL is compared with HEAD's; an uncommitted breaking change
//   needs ALLOW_BREAKING_SCHEMA=1.
// Merge commits are skipped: each change is judged in the commit that made it. In a
// shallow clone (or one without the baseline) only the working tree is checked, and
// nothing is fetched.
//
// Usage: npx tsx scripts/schema-breaking-check.ts
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  type BreakingChange,
  buildSchema,
  type DangerousChange,
  findBreakingChanges,
  findDangerousChanges,
} from "graphql";

// main's HEAD when the check was introduced: history before it is not re-judged.
export const BASELINE = "00a9a805eac84965654338a569c98b05bf24c161";
export const SDL_PATH = "graphql/schema.graphql";
const TRAILER = /^Breaking-Schema:[ \t]*\S.*$/m;

export type SchemaDiff = { breaking: BreakingChange[]; dangerous: DangerousChange[] };

export function compareSdl(before: string, after: string): SchemaDiff {
  const old = buildSchema(before);
  const next = buildSchema(after);
  return { breaking: findBreakingChanges(old, next), dangerous: findDangerousChanges(old, next) };
}

export type CheckResult = { ok: boolean; lines: string[] };

type Options = { cwd: string; baseline?: string; allowBreaking?: boolean };

export function checkSchemaHistory({ cwd, baseline = BASELINE, allowBreaking = false }: Options): CheckResult {
  const git = (...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8", maxBuffer: 64 << 20 });
  const tryGit = (...args: string[]): string | null => {
    try {
      return execFileSync("git", args, {
        cwd,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
        maxBuffer: 64 << 20,
      });
    } catch {
      return null;
    }
  };
  const sdlAt = (rev: string) => tryGit("show", `${rev}:${SDL_PATH}`);
  const lines: string[] = [];
  let ok = true;
  const describe = (diff: SchemaDiff) => {
    for (const change of diff.breaking) lines.push(`  BREAKING ${change.type}: ${change.description}`);
    for (const change of diff.dangerous) lines.push(`  dangerous ${change.type}: ${change.description}`);
  };

  const isShallow = tryGit("rev-parse", "--is-shallow-repository")?.trim() === "true";
  const hasBaseline = tryGit("cat-file", "-e", `${baseline}^{commit}`) !== null;
  if (isShallow || !hasBaseline) {
    lines.push(
      isShallow
        ? "Shallow clone: checking only the working tree against HEAD."
        : `Baseline ${baseline.slice(0, 12)} is not in this repository: checking only the working tree against HEAD.`,
    );
  } else {
    const commits = git("rev-list", "--reverse", "--no-merges", `${baseline}..HEAD`, "--", SDL_PATH)
      .split("\n")
      .filter(Boolean);
    for (const commit of commits) {
      const before = sdlAt(`${commit}^`);
      const after = sdlAt(commit);
      const subject = git("log", "-1", "--format=%h %s", commit).trim();
      if (before === null) continue; // the file was created here: nothing to break
      if (after === null) {
        lines.push(`${subject}\n  BREAKING: ${SDL_PATH} was deleted`);
        ok = false;
        continue;
      }
      const diff = compareSdl(before, after);
      if (diff.breaking.length === 0 && diff.dangerous.length === 0) continue;
      const isDeclared = TRAILER.test(git("log", "-1", "--format=%B", commit));
      const header =
        diff.breaking.length === 0
          ? `${subject} (no breaking changes)`
          : isDeclared
            ? `${subject} (declared with Breaking-Schema)`
            : `${subject}: breaking changes without a "Breaking-Schema: <reason>" line in the commit message`;
      lines.push(header);
      describe(diff);
      if (diff.breaking.length > 0 && !isDeclared) ok = false;
    }
  }

  const head = sdlAt("HEAD");
  const file = path.join(cwd, SDL_PATH);
  if (head !== null && existsSync(file)) {
    const diff = compareSdl(head, readFileSync(file, "utf8"));
    if (diff.breaking.length > 0 || diff.dangerous.length > 0) {
      lines.push(
        diff.breaking.length === 0
          ? "Working tree (no breaking changes)"
          : allowBreaking
            ? "Working tree: breaking changes allowed by ALLOW_BREAKING_SCHEMA=1"
            : "Working tree: uncommitted breaking changes (commit them with a Breaking-Schema: <reason> line, or set ALLOW_BREAKING_SCHEMA=1)",
      );
      describe(diff);
      if (diff.breaking.length > 0 && !allowBreaking) ok = false;
    }
  } else if (head !== null) {
    lines.push(`Working tree: ${SDL_PATH} is missing`);
    ok = false;
  }
  return { ok, lines };
}

function main() {
  const result = checkSchemaHistory({
    cwd: process.cwd(),
    allowBreaking: process.env.ALLOW_BREAKING_SCHEMA === "1",
  });
  for (const line of result.lines) process.stdout.write(`${line}\n`);
  if (!result.ok) {
    process.stderr.write("Schema breaking-change check failed.\n");
    process.exit(1);
  }
  process.stdout.write("Schema breaking-change check passed.\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
