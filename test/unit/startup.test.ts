import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { checkStartup } from "@/server/startup";

const SHOPS = path.join(import.meta.dirname, "../../shops");

function brokenShopsDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "shops-"));
  cpSync(SHOPS, dir, { recursive: true });
  const file = path.join(dir, "crystalline.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace(/gracePeriodDays: \d+/, "gracePeriodDays: -3"));
  return dir;
}

describe("start-up checks", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it("stops the app on a broken profile, naming the file and the field", () => {
    vi.stubEnv("SHOPS_DIR", brokenShopsDir());
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    checkStartup();
    expect(exit).toHaveBeenCalledWith(1);
    const message = write.mock.calls.map((c) => String(c[0])).join("");
    expect(message).toContain("cannot start");
    expect(message).toContain("crystalline.yaml");
    expect(message).toContain("deletion.gracePeriodDays");
  });

  it("starts with the shipped profiles", () => {
    vi.stubEnv("SHOPS_DIR", SHOPS);
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    checkStartup();
    expect(exit).not.toHaveBeenCalled();
  });

  it("refuses to start in production without a session secret", () => {
    vi.stubEnv("SHOPS_DIR", SHOPS);
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("PRIVACY_CENTRE_DEMO", "");
    vi.stubEnv("NEXTAUTH_SECRET", "");
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    checkStartup();
    expect(exit).toHaveBeenCalledWith(1);
    expect(write.mock.calls.map((c) => String(c[0])).join("")).toContain("NEXTAUTH_SECRET is not set");
  });
});
