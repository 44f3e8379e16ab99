// The npm registry reachable here serves only the Linux x64 builds of packages that ship
// per-platform binaries (Next's SWC, Tailwind's oxide, Biome), so `npm install` leaves
// the other platforms' optional packages out of package-lock.json and `npm ci` then
// refuses the lock file. This adds each missing one as an optional entry with its
// os/cpu/libc, which npm skips on this platform. Run after `npm install` changes the lock.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

let output = "";
try {
  execFileSync("npm", ["ci", "--dry-run", "--ignore-scripts"], { stdio: "pipe", encoding: "utf8" });
} catch (error) {
  output = `${error.stdout ?? ""}${error.stderr ?? ""}`;
}
const missing = [...output.matchAll(/Missing: (@?[^@\s]+)@/g)].map((m) => m[1]);
if (missing.length === 0) {
  process.stdout.write("package-lock.json is complete.\n");
  process.exit(0);
}

function platformOf(name) {
  const suffix = name.split("/").pop();
  const os = ["android", "darwin", "win32", "freebsd", "linux", "openbsd", "sunos"].find((o) => suffix.includes(o));
  const cpu = ["arm64", "x64", "ia32", "arm", "wasm32"].find((c) => suffix.includes(c));
  const entry = {};
  if (os) entry.os = [os];
  if (cpu) entry.cpu = [cpu];
  if (suffix.includes("musl")) entry.libc = ["musl"];
  if (!os && !cpu) throw new Error(`Cannot tell the platform of ${name}; add it to package-lock.json by hand.`);
  return entry;
}

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
for (const name of missing) {
  const parent = Object.entries(lock.packages).find(([, pkg]) => pkg.optionalDependencies?.[name]);
  if (!parent) throw new Error(`No package in the lock file depends on ${name}.`);
  const [, pkg] = parent;
  const version = pkg.optionalDependencies[name].replace(/^[\^~=]/, "");
  lock.packages[`node_modules/${name}`] = {
    version,
    dev: pkg.dev || undefined,
    optional: true,
    ...platformOf(name),
  };
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))),
);
writeFileSync("package-lock.json", `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`Added ${missing.length} platform stubs: ${missing.join(", ")}\n`);
