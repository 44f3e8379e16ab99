import "server-only";
import { getPrisma } from "../db";
import { loadProfilesFrom, shopsDirectory } from "./load-profiles";
import type { ShopProfile } from "./profile-schema";

export type ShopRef = { id: string; handle: string; name: string; profile: ShopProfile };

const cache = globalThis as unknown as {
  __shopProfiles?: Map<string, ShopProfile>;
  __shopIds?: Map<string, string>;
};

// Profiles are read and validated once per process; a broken one throws a
// ProfileError naming the file and field (instrumentation.ts stops the app on it).
export function getShopProfiles(): Map<string, ShopProfile> {
  cache.__shopProfiles ??= new Map(loadProfilesFrom(shopsDirectory()).map((p) => [p.handle, p]));
  return cache.__shopProfiles;
}

export function listShopProfiles(): ShopProfile[] {
  return [...getShopProfiles().values()];
}

export function getShopProfile(handle: string): ShopProfile | null {
  return getShopProfiles().get(handle) ?? null;
}

// The shop row for a profile, created on first use so that onboarding a shop is
// writing its profile and nothing else. Ids never change, so they are cached.
export async function findShop(options: { handle: string }): Promise<ShopRef | null> {
  const profile = getShopProfile(options.handle);
  if (!profile) return null;
  cache.__shopIds ??= new Map();
  let id = cache.__shopIds.get(profile.handle);
  if (!id) {
    const row = await getPrisma().shop.upsert({
      where: { handle: profile.handle },
      create: { handle: profile.handle, name: profile.name },
      update: {},
      select: { id: true },
    });
    id = row.id;
    cache.__shopIds.set(profile.handle, id);
  }
  return { id, handle: profile.handle, name: profile.name, profile };
}

export async function findShopById(options: { id: string }): Promise<ShopRef | null> {
  const row = await getPrisma().shop.findUnique({ where: { id: options.id }, select: { handle: true } });
  return row ? findShop({ handle: row.handle }) : null;
}

export async function listShops(): Promise<ShopRef[]> {
  const shops = await Promise.all(listShopProfiles().map((p) => findShop({ handle: p.handle })));
  return shops.filter((s): s is ShopRef => s !== null);
}
