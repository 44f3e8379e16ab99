// Demo-data seed, reusable from tests: `import { createCustomerWithHistory } from "@/prisma/seed/index"`.
// (Import ".../seed/index" explicitly: "prisma/seed" alone resolves to prisma/seed.ts.)
export { benchEmailFor, type GenerateOrdersOptions, type GenerateOrdersResult, generateOrders } from "./bench";
export { type Catalog, catalogFor, numberPrefix, type Product } from "./catalog";
export {
  buildConsentHistory,
  type CustomerHistoryOptions,
  createCustomerWithHistory,
  DEMO_PASSWORD,
  demoPasswordHash,
  hasCategory,
  type Person,
  randomPerson,
  shopCountry,
  startOfTodayUtc,
} from "./customer";
export { cnpCheckDigit, isValidCnp, type Locale, localeFor, nationalIdFor, romanianCnp } from "./locales";
export { type BuiltOrder, buildOrder, type Db, documentNumbers, insertOrders, splitVat } from "./orders";
export { createRng, hashString, mulberry32, type Rng, uuidv7 } from "./rng";
export {
  demoEmailFor,
  type SeedShopsOptions,
  type ShopRow,
  type ShopSeedResult,
  seedShops,
  upsertShops,
} from "./shops";
