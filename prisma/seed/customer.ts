import { hashPassword } from "../../server/auth/password";
import { consentPurposes } from "../../server/consent/purposes";
import type { DataCategoryKey } from "../../server/data-map/categories";
import type { Prisma } from "../../server/db";
import type { ConsentSource, ConsentState, Gender, OptInLevel, PhoneKind } from "../../server/db/generated/enums";
import { DEMO_IDENTITIES, type DemoIdentity } from "../../server/dev/identity-provider/identities";
import type { ShopProfile } from "../../server/tenants/profile-schema";
import { type Catalog, catalogFor, incomeBands, numberPrefix, PROFESSIONS } from "./catalog";
import { asciiFold, e164, type Locale, localeFor, nationalIdFor } from "./locales";
import {
  type AddressSnapshot,
  type BuiltOrder,
  buildOrder,
  type Db,
  documentNumbers,
  insertChunks,
  insertOrders,
} from "./orders";
import { addYears, createRng, DAY, HOUR, MINUTE, type Rng, uuidv7 } from "./rng";

// One customer with years of realistic history, shaped by the shop's profile: only the
// data categories the profile declares are filled in (wish list, preferences, polls,
// enrichment, partner data, social sign-in), consent history follows the profile's
// purposes, and names, addresses and phones fit the controller's country.

export const DEMO_PASSWORD = "privacy-demo";

let demoHash: Promise<string> | undefined;
/** The scrypt hash of the demo password, computed once per process. */
export function demoPasswordHash(): Promise<string> {
  demoHash ??= hashPassword(DEMO_PASSWORD);
  return demoHash;
}

export type CustomerHistoryOptions = {
  shopId: string;
  profile: ShopProfile;
  email: string;
  firstName?: string;
  lastName?: string;
  gender?: Gender | null;
  /** Orders to create; default 25–60 for the demo customer, 5–30 otherwise, 0 for "new". */
  orderCount?: number;
  /** Seed for the PRNG; combined with the email so two customers never share a history. */
  seed?: number | string;
  /** Stored password hash; default the hash of "privacy-demo". Pass null for no password. */
  passwordHash?: string | null;
  /** "full": years of history; "new": a fresh sign-up with almost nothing yet. */
  history?: "full" | "new";
  /** The shop's demo customer: longest history, a linked social account, a pending opt-in. */
  isDemo?: boolean;
  /** How many years ago the account was opened (default 2–6, demo 4–6). */
  years?: number;
  /** Reference "now" (default: start of today, UTC, so a day's runs are reproducible). */
  now?: Date;
};

export function startOfTodayUtc(): Date {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export function hasCategory(profile: ShopProfile, key: DataCategoryKey): boolean {
  return profile.dataCategories.some((c) => c.key === key);
}

export function shopCountry(profile: ShopProfile): string {
  return profile.controllers[0]?.country ?? "RO";
}

export type Person = { firstName: string; lastName: string; gender: Gender | null; email: string };

/** A plausible person for the shop's country, with a fictitious email (example domains). */
export function randomPerson(rng: Rng, locale: Locale, gender?: Gender | null): Person {
  const g =
    gender !== undefined
      ? gender
      : rng.weighted<Gender | null>([
          ["FEMALE", 50],
          ["MALE", 44],
          ["NON_BINARY", 2],
          ["UNDISCLOSED", 2],
          [null, 2],
        ]);
  const female = g === "FEMALE" || (g !== "MALE" && rng.chance(0.5));
  const firstName = rng.pick(female ? locale.femaleFirstNames : locale.maleFirstNames);
  const pair = rng.pick(locale.lastNames);
  const lastName = female ? pair[1] : pair[0];
  const local = asciiFold(`${firstName}.${lastName}`)
    .toLowerCase()
    .replace(/[^a-z.]/g, "");
  const email = `${local}${rng.chance(0.5) ? rng.int(1, 99) : ""}@${rng.pick(locale.emailDomains)}`;
  return { firstName, lastName, gender: g, email };
}

type SeedAddress = {
  id: string;
  label: string | null;
  recipientName: string;
  snapshot: AddressSnapshot;
  createdAt: number;
  isDefaultShipping: boolean;
  isDefaultBilling: boolean;
};

const DEVICE_TYPES: readonly { label: string; userAgent: string }[] = [
  {
    label: "Chrome on Windows",
    userAgent:
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  },
  {
    label: "Edge on Windows",
    userAgent:
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.2849.68",
  },
  {
    label: "Safari on iPhone",
    userAgent:
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  },
  {
    label: "Safari on Mac",
    userAgent:
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
  },
  {
    label: "Firefox on Mac",
    userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.7; rv:132.0) Gecko/20100101 Firefox/132.0",
  },
  {
    label: "Chrome on Android",
    userAgent:
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.39 Mobile Safari/537.36",
  },
  {
    label: "Samsung Internet on Android",
    userAgent:
      "Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
  },
  {
    label: "Safari on iPad",
    userAgent:
      "Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
  },
  {
    label: "Firefox on Windows",
    userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
  },
];

/** An address from the documentation ranges (RFC 5737), never a real client. */
function docIp(rng: Rng): string {
  return `${rng.pick(["192.0.2", "198.51.100", "203.0.113"])}.${rng.int(1, 254)}`;
}

function alnum(rng: Rng, length: number): string {
  const chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  let out = "";
  for (let i = 0; i < length; i++) out += chars[rng.int(0, chars.length - 1)];
  return out;
}

const PARTNER_NAMES: Record<string, { courier: string; payments: string; enrichment: string; generic: string }> = {
  RO: {
    courier: "Curier Rapid Demo SRL",
    payments: "EuroPay Gateway (demo)",
    enrichment: "DataProfil Insights SRL (demo)",
    generic: "Partener Comercial Demo SRL",
  },
  BG: {
    courier: "Ekspres Dostavka Demo EOOD",
    payments: "EuroPay Gateway (demo)",
    enrichment: "Profil Danni Demo OOD",
    generic: "Targovski Partnyor Demo OOD",
  },
  GR: {
    courier: "Tachymetaforiki Demo AE",
    payments: "EuroPay Gateway (demo)",
    enrichment: "Dedomena Insights Demo AE",
    generic: "Emporikos Synergatis Demo AE",
  },
};
function partnerNames(country: string) {
  return (
    PARTNER_NAMES[country] ?? {
      courier: "Demo Courier Ltd",
      payments: "Demo Payments Ltd",
      enrichment: "Demo Consumer Insights Ltd",
      generic: "Demo Partner Ltd",
    }
  );
}

/** Creates one customer with history and returns its id. Writes in bulk (createMany). */
export async function createCustomerWithHistory(db: Db, opts: CustomerHistoryOptions): Promise<string> {
  const { profile, shopId, email } = opts;
  const rng = createRng(`${opts.seed ?? "seed"}|${profile.handle}|${email.toLowerCase()}`);
  const locale = localeFor(shopCountry(profile));
  const catalog = catalogFor(profile);
  const now = (opts.now ?? startOfTodayUtc()).getTime();
  const history = opts.history ?? "full";
  const isNew = history === "new";
  const isDemo = opts.isDemo ?? false;
  const passwordHash = opts.passwordHash === undefined ? await demoPasswordHash() : opts.passwordHash;

  // ---- Identity ----
  const person = randomPerson(rng.fork("person"), locale, opts.gender);
  const firstName = opts.firstName ?? person.firstName;
  const lastName = opts.lastName ?? person.lastName;
  const gender = opts.gender !== undefined ? opts.gender : person.gender;
  const isFemale = gender === "FEMALE" || (gender !== "MALE" && locale.femaleFirstNames.includes(firstName));
  const fullName = `${firstName} ${lastName}`;

  const years = opts.years ?? (isDemo ? rng.int(4, 6) : rng.int(2, 6));
  const createdAt = isNew
    ? now - rng.int(1, 10) * DAY + rng.int(8, 22) * HOUR + rng.int(0, 3599) * 1000
    : addYears(new Date(now), -years).getTime() +
      rng.int(0, 200) * DAY +
      rng.int(7, 23) * HOUR +
      rng.int(0, 3599) * 1000;
  const age = rng.int(isNew ? 19 : 24, 72);
  const dob = new Date(Date.UTC(new Date(now).getUTCFullYear() - age, rng.int(0, 11), rng.int(1, 28)));
  const customerId = uuidv7(createdAt);

  const usedCities = locale.cities;
  const homeCity = rng.weighted(usedCities.map((c) => [c, c.weight] as const));
  const alias = rng.chance(0.35)
    ? `${asciiFold(firstName).toLowerCase()}${asciiFold(lastName)[0]?.toLowerCase() ?? ""}${rng.int(1, 99)}`
    : null;
  const photoUrl = isDemo || rng.chance(0.4) ? `/avatars/avatar-${String(rng.int(1, 12)).padStart(2, "0")}.png` : null;

  await db.customer.create({
    data: {
      id: customerId,
      shopId,
      email,
      emailVerifiedAt: new Date(createdAt + rng.int(2, 90) * MINUTE),
      passwordHash,
      firstName,
      lastName,
      alias,
      photoUrl,
      dateOfBirth: dob,
      gender,
      hometown: rng.chance(0.8) ? rng.pick(locale.hometowns) : null,
      nationalId: profile.features.nationalId
        ? nationalIdFor(locale.country, rng.fork("national-id"), dob, isFemale)
        : null,
      locale: profile.locale,
      status: "ACTIVE",
      createdAt: new Date(createdAt),
      updatedAt: new Date(isNew ? createdAt : rng.between(createdAt, now)),
    },
  });

  // ---- Phones ----
  const mobile = e164(locale, locale.mobile(rng));
  const phones: Prisma.CustomerPhoneCreateManyInput[] = [];
  if (!isNew || rng.chance(0.5)) {
    phones.push({
      id: uuidv7(createdAt),
      customerId,
      kind: "MOBILE",
      number: mobile,
      isPrimary: true,
      createdAt: new Date(createdAt),
    });
    if (!isNew && rng.chance(0.45)) {
      const kind: PhoneKind = rng.chance(0.5) ? "HOME" : "WORK";
      const at = rng.between(createdAt, now);
      const number = kind === "HOME" ? e164(locale, homeCity.landline(rng)) : e164(locale, locale.mobile(rng));
      phones.push({ id: uuidv7(at), customerId, kind, number, isPrimary: false, createdAt: new Date(at) });
    }
  }

  // ---- Addresses ----
  const orderCount = opts.orderCount ?? (isNew ? 0 : isDemo ? rng.int(25, 60) : rng.int(5, 30));
  const addresses: SeedAddress[] = [];
  const addressRows: Prisma.AddressCreateManyInput[] = [];
  const addressCount = isNew && orderCount === 0 ? 0 : isNew ? 1 : rng.int(2, 3);
  const labels = rng.shuffle(["Office", "Parents", "Holiday home", "Studio"]);
  for (let i = 0; i < addressCount; i++) {
    const city = i === 0 ? homeCity : rng.weighted(usedCities.map((c) => [c, c.weight] as const));
    const label = i === 0 ? "Home" : labels[i - 1];
    let recipientName = fullName;
    if (label === "Parents") {
      const parentFemale = rng.chance(0.5);
      const family = locale.lastNames.find((pair) => pair.includes(lastName));
      const parentLast = family ? family[parentFemale ? 1 : 0] : lastName;
      recipientName = `${rng.pick(parentFemale ? locale.femaleFirstNames : locale.maleFirstNames)} ${parentLast}`;
    }
    const line1 = locale.line1(rng, rng.pick(locale.streets));
    const line2 = locale.line2(rng);
    const postalCode = city.postalCode(rng);
    const at =
      i === 0
        ? createdAt + rng.int(1, 30) * MINUTE
        : rng.between(createdAt + 30 * DAY, Math.max(createdAt + 31 * DAY, now - 60 * DAY));
    const text = [line1, line2, locale.cityLine(postalCode, city.name), locale.countryName].filter(Boolean).join(", ");
    const id = uuidv7(at);
    const isDefaultBilling = i === 0 ? !(label === "Home" && addressCount > 1 && rng.chance(0.2)) : false;
    addresses.push({
      id,
      label,
      recipientName,
      snapshot: { name: recipientName, text },
      createdAt: at,
      isDefaultShipping: i === 0,
      isDefaultBilling,
    });
    addressRows.push({
      id,
      customerId,
      label,
      recipientName,
      line1,
      line2,
      city: city.name,
      region: city.region,
      postalCode,
      country: locale.country,
      phone: label === "Home" || label === "Office" ? mobile : null,
      isDefaultShipping: i === 0,
      isDefaultBilling,
      createdAt: new Date(at),
      updatedAt: new Date(at),
    });
  }
  // When the home address is not the billing default, the office (or the second one) is.
  if (addressRows.length > 1 && !addressRows.some((a) => a.isDefaultBilling)) {
    addressRows[1].isDefaultBilling = true;
    addresses[1].isDefaultBilling = true;
  }

  // ---- Orders ----
  const built: BuiltOrder[] = [];
  if (orderCount > 0) {
    const numbers = await documentNumbers(db, shopId, numberPrefix(profile.handle));
    const orderRng = rng.fork("orders");
    const times: number[] = [];
    const start = createdAt + 2 * HOUR;
    const end = Math.max(start + HOUR, now - 2 * HOUR);
    const recent = isDemo ? Math.min(2, orderCount) : 0; // the demo shows orders in progress
    for (let i = 0; i < orderCount - recent; i++) times.push(orderRng.between(start, end - 10 * DAY));
    for (let i = 0; i < recent; i++)
      times.push(orderRng.between(now - (i === 0 ? 1.5 : 5) * DAY, now - (i === 0 ? 3 * HOUR : 2.5 * DAY)));
    times.sort((a, b) => a - b);
    const fallback: AddressSnapshot = {
      name: fullName,
      text: `${locale.cityLine(homeCity.postalCode(rng), homeCity.name)}, ${locale.countryName}`,
    };
    for (const placedAt of times) {
      const existing = addresses.filter((a) => a.createdAt <= placedAt);
      const pool = existing.length ? existing : addresses.slice(0, 1);
      const shippingAddress = orderRng.chance(0.75)
        ? (pool.find((a) => a.isDefaultShipping) ?? pool[0])
        : orderRng.pick(pool);
      const billingAddress = pool.find((a) => a.isDefaultBilling) ?? shippingAddress;
      let shipping = shippingAddress?.snapshot ?? fallback;
      if (orderRng.chance(0.05)) {
        // A gift sent straight to someone else.
        const friend = randomPerson(orderRng, locale);
        const city = orderRng.pick(locale.cities);
        shipping = {
          name: `${friend.firstName} ${friend.lastName}`,
          text: [
            locale.line1(orderRng, orderRng.pick(locale.streets)),
            locale.cityLine(city.postalCode(orderRng), city.name),
            locale.countryName,
          ].join(", "),
        };
      }
      const billing = billingAddress
        ? { name: fullName, text: billingAddress.snapshot.text }
        : { name: fullName, text: fallback.text };
      built.push(
        buildOrder(orderRng, { shopId, customerId, locale, catalog, numbers, now }, { placedAt, shipping, billing }),
      );
    }
  }

  // ---- Payment methods ----
  const paymentRows: Prisma.PaymentMethodCreateManyInput[] = [];
  if (!isNew) {
    const count = rng.int(1, 3);
    const holder = asciiFold(fullName).toUpperCase();
    for (let i = 0; i < count; i++) {
      const at = i === 0 ? createdAt + rng.int(1, 48) * HOUR : rng.between(createdAt, now - 7 * DAY);
      const addedYear = new Date(at).getUTCFullYear();
      paymentRows.push({
        id: uuidv7(at),
        customerId,
        brand: rng.weighted([
          ["Visa", 50],
          ["Mastercard", 40],
          ["Amex", 10],
        ]),
        last4: rng.digits(4),
        expMonth: rng.int(1, 12),
        expYear: addedYear + rng.int(2, 5),
        holderName: rng.chance(0.9) ? holder : null,
        isDefault: false,
        createdAt: new Date(at),
      });
    }
    // The newest card that has not expired is the default.
    const nowYear = new Date(now).getUTCFullYear();
    if (!paymentRows.some((p) => p.expYear > nowYear)) {
      // The newest card was renewed: it expires in the future.
      const newest = paymentRows.reduce((a, b) =>
        +new Date(b.createdAt as Date) > +new Date(a.createdAt as Date) ? b : a,
      );
      newest.expYear = nowYear + rng.int(1, 4);
    }
    const valid = paymentRows
      .filter((p) => p.expYear > nowYear)
      .sort((a, b) => +new Date(b.createdAt as Date) - +new Date(a.createdAt as Date));
    (valid[0] ?? paymentRows[0]).isDefault = true;
  }

  // ---- Wish list, preferences, polls ----
  const wishlistRows: Prisma.WishlistItemCreateManyInput[] = [];
  if (hasCategory(profile, "wishlist") && (!isNew || rng.chance(0.5))) {
    const items = rng.sample(catalog.products, isNew ? 1 : rng.int(isDemo ? 5 : 2, isDemo ? 10 : 8));
    for (const product of items) {
      const at = rng.between(createdAt, now);
      wishlistRows.push({
        id: uuidv7(at),
        customerId,
        sku: product.sku,
        productName: product.name,
        addedAt: new Date(at),
      });
    }
  }
  const preferenceRows: Prisma.PreferenceCreateManyInput[] = [];
  if (hasCategory(profile, "preferences") && !isNew) {
    const cities = locale.cities.map((c) => c.name);
    for (const [key, value] of catalog.preferences(rng, { shopName: profile.name, cities })) {
      const at = rng.between(createdAt, now);
      preferenceRows.push({ id: uuidv7(at), customerId, key, value, updatedAt: new Date(at) });
    }
  }
  const pollRows: Prisma.PollAnswerCreateManyInput[] = [];
  if (hasCategory(profile, "polls") && !isNew) {
    for (const poll of catalog.polls) {
      const year = Number(poll.poll.match(/(\d{4})$/)?.[1] ?? new Date(now).getUTCFullYear());
      const from = Math.max(Date.UTC(year, 0, 1), createdAt);
      const to = Math.min(Date.UTC(year + 1, 0, 1), now);
      if (from >= to || !rng.chance(isDemo ? 0.9 : 0.6)) continue;
      const at = rng.between(from, to);
      pollRows.push({
        id: uuidv7(at),
        customerId,
        poll: poll.poll,
        question: poll.question,
        answer: rng.pick(poll.answers),
        answeredAt: new Date(at),
      });
    }
  }

  // ---- Invited friends (the demo customer, where the shop offers invitations) ----
  // One friend who accepted long ago (their details left the record then), one email
  // invitation that expired (details deleted by the retention sweep) and a share link
  // made a few days ago (outside the last 24 hours, so the demo can still invite its
  // daily number).
  const invitationRows: Prisma.InvitationCreateManyInput[] = [];
  if (isDemo && !isNew && profile.features.invitationChannels.length > 0) {
    const keepMs = profile.features.invitationRetentionDays * DAY;
    const acceptedAt = Math.max(createdAt + 10 * DAY, now - 200 * DAY);
    const expiredAt = now - 60 * DAY;
    const linkAt = now - 3 * DAY - 5 * HOUR;
    invitationRows.push(
      {
        id: uuidv7(acceptedAt - 4 * DAY),
        shopId,
        customerId,
        channel: "EMAIL",
        status: "ACCEPTED",
        createdAt: new Date(acceptedAt - 4 * DAY),
        expiresAt: new Date(acceptedAt - 4 * DAY + keepMs),
        closedAt: new Date(acceptedAt),
        // Deleted when the friend opened their own account.
        detailsErasedAt: new Date(acceptedAt),
      },
      {
        id: uuidv7(expiredAt - keepMs),
        shopId,
        customerId,
        channel: "EMAIL",
        status: "EXPIRED",
        createdAt: new Date(expiredAt - keepMs),
        expiresAt: new Date(expiredAt),
        closedAt: new Date(expiredAt),
        detailsErasedAt: new Date(expiredAt),
      },
      {
        id: uuidv7(linkAt),
        shopId,
        customerId,
        channel: "LINK",
        status: "SENT",
        createdAt: new Date(linkAt),
        expiresAt: new Date(linkAt + keepMs),
      },
    );
  }

  // ---- Social sign-in accounts ----
  type LinkedAccount = Prisma.AccountCreateManyInput & { linkedMs: number };
  const accounts: LinkedAccount[] = [];
  const providers = profile.features.socialProviders;
  if (providers.length > 0) {
    const wanted = isDemo ? rng.int(1, Math.min(2, providers.length)) : rng.chance(isNew ? 0.3 : 0.4) ? 1 : 0;
    const socialRng = rng.fork("social");
    // The demo customer's link is an identity the local identity provider knows
    // (server/dev/identity-provider), so the demo can sign in with it.
    const demoIdentity = isDemo
      ? DEMO_IDENTITIES.facebook.find((i) => i.email === email && providers.includes("facebook"))
      : undefined;
    const chosen = socialRng.sample(providers, wanted);
    for (const provider of demoIdentity ? ["facebook"] : chosen) {
      const linkedMs = isNew
        ? createdAt
        : socialRng.between(createdAt, isDemo ? Math.min(now - 30 * DAY, createdAt + 365 * DAY) : now - 7 * DAY);
      const providerEmail = socialRng.chance(0.8)
        ? email
        : `${asciiFold(firstName + lastName)
            .toLowerCase()
            .replace(/[^a-z]/g, "")}${socialRng.int(1, 99)}@${socialRng.pick(locale.emailDomains)}`;
      const { id, profile: given } = demoIdentity
        ? demoFacebookProfile(demoIdentity)
        : providerProfile(socialRng, provider, {
            firstName,
            lastName,
            email: providerEmail,
            dob,
            hometown: homeCity.name,
            locale,
          });
      accounts.push({
        id: uuidv7(linkedMs),
        shopId,
        customerId,
        type: "oauth",
        provider,
        providerAccountId: id,
        profile: given as Prisma.InputJsonValue,
        linkedAt: new Date(linkedMs),
        lastUsedAt: null,
        linkedMs,
      });
    }
  }

  // ---- Devices and sign-ins ----
  const deviceRows: Prisma.DeviceCreateManyInput[] = [];
  const signInRows: Prisma.SignInEventCreateManyInput[] = [];
  {
    const signRng = rng.fork("signins");
    const deviceCount = isNew ? 1 : signRng.int(1, 3);
    const types = signRng.sample(DEVICE_TYPES, deviceCount);
    const devices = types.map((t, i) => {
      const firstSeen = i === 0 ? createdAt : signRng.between(createdAt, now - 14 * DAY);
      return { id: uuidv7(firstSeen), ...t, firstSeen, lastSeen: firstSeen, ip: docIp(signRng) };
    });
    const eventCount = isNew ? signRng.int(1, 2) : isDemo ? signRng.int(25, 40) : signRng.int(10, 40);
    const times = [createdAt];
    for (let i = 1; i < eventCount; i++) {
      times.push(
        i === eventCount - 1 && !isNew
          ? signRng.between(now - 3 * DAY, now - HOUR)
          : signRng.between(createdAt, now - HOUR),
      );
    }
    times.sort((a, b) => a - b);
    for (const at of times) {
      const failed = at !== createdAt && signRng.chance(0.12);
      const candidates = devices.filter((d) => d.firstSeen <= at);
      const device = failed && signRng.chance(0.5) ? null : signRng.pick(candidates.length ? candidates : devices);
      const linked = accounts.filter((a) => a.linkedMs <= at);
      const method = !failed && linked.length && signRng.chance(0.4) ? signRng.pick(linked).provider : "password";
      const ip = device && signRng.chance(0.8) ? device.ip : docIp(signRng);
      const userAgent = device ? device.userAgent : signRng.pick(DEVICE_TYPES).userAgent;
      signInRows.push({
        id: uuidv7(at),
        shopId,
        customerId,
        deviceId: device?.id ?? null,
        method,
        isSuccessful: !failed,
        ip,
        userAgent,
        at: new Date(at),
      });
      if (device && !failed) {
        device.lastSeen = at;
        device.ip = ip;
      }
      const account = accounts.find((a) => a.provider === method);
      if (account) account.lastUsedAt = new Date(at);
    }
    for (const d of devices) {
      deviceRows.push({
        id: d.id,
        customerId,
        label: d.label,
        userAgent: d.userAgent,
        firstSeenAt: new Date(d.firstSeen),
        lastSeenAt: new Date(d.lastSeen),
        lastIp: d.ip,
      });
    }
  }

  // ---- Data from enrichment services and partners ----
  const thirdPartyRows: Prisma.ThirdPartyRecordCreateManyInput[] = [];
  if (!isNew) {
    const tpRng = rng.fork("third-party");
    const names = partnerNames(locale.country);
    if (hasCategory(profile, "enrichment")) {
      const source = enrichmentSource(profile) ?? names.enrichment;
      const currency = locale.currencyAt(new Date(now));
      const bands = incomeBands(currency === "EUR" && locale.baseCurrency === "BGN" ? "BGN" : currency);
      const count = isDemo ? 2 : tpRng.int(1, 2);
      let household = tpRng.int(1, 5);
      let band = tpRng.int(0, bands.length - 1);
      const profession = tpRng.pick(PROFESSIONS);
      for (let i = 0; i < count; i++) {
        const at = tpRng.between(
          createdAt + (i * (now - createdAt)) / count,
          createdAt + ((i + 1) * (now - createdAt)) / count,
        );
        thirdPartyRows.push({
          id: uuidv7(at),
          customerId,
          kind: "ENRICHMENT",
          sourceName: source,
          receivedAt: new Date(at),
          data: {
            householdSize: household,
            incomeBand: bands[band],
            profession,
            confidence: tpRng.pick(["high", "medium"]),
          },
        });
        household = Math.max(1, household + tpRng.pick([0, 0, 1]));
        band = Math.min(bands.length - 1, band + tpRng.pick([0, 1]));
      }
    }
    const partnerCategories = profile.dataCategories
      .filter((c) => c.sources.includes("partner") && c.key !== "enrichment" && c.key !== "social")
      .map((c) => c.key);
    for (const category of partnerCategories) {
      if (category === "orders") {
        const delivered = built
          .filter((b) => b.order.status === "DELIVERED" || b.order.status === "SHIPPED")
          .slice(-tpRng.int(1, 3));
        for (const b of delivered) {
          const placed = new Date(b.order.placedAt).getTime();
          const at = Math.min(placed + tpRng.int(1, 4) * DAY, now - HOUR);
          thirdPartyRows.push({
            id: uuidv7(at),
            customerId,
            kind: "PARTNER",
            sourceName: names.courier,
            receivedAt: new Date(at),
            data:
              b.order.status === "DELIVERED"
                ? {
                    orderNumber: b.order.number,
                    awb: tpRng.digits(12),
                    status: "delivered",
                    deliveredAt: new Date(at).toISOString(),
                    attempts: tpRng.int(1, 2),
                  }
                : {
                    orderNumber: b.order.number,
                    awb: tpRng.digits(12),
                    status: "in transit",
                    depot: tpRng.pick(locale.cities).name,
                  },
          });
        }
      } else if (category === "payment") {
        const paid = built.filter((b) => b.invoice).slice(-tpRng.int(1, 2));
        for (const b of paid) {
          const at = new Date(b.order.placedAt).getTime() + tpRng.int(1, 30) * MINUTE;
          thirdPartyRows.push({
            id: uuidv7(at),
            customerId,
            kind: "PARTNER",
            sourceName: names.payments,
            receivedAt: new Date(at),
            data: {
              orderNumber: b.order.number,
              status: "captured",
              threeDSecure: "authenticated",
              cardBrand: paymentRows[0]?.brand ?? "Visa",
              riskScore: tpRng.pick(["low", "low", "medium"]),
            },
          });
        }
      } else {
        const at = tpRng.between(createdAt, now);
        const data: Record<string, string | number | boolean> =
          category === "contact"
            ? { phoneValidated: true, lineType: "mobile" }
            : category === "addresses"
              ? { addressValidated: true, city: homeCity.name, deliverable: true }
              : category === "location"
                ? { storeVisits: tpRng.int(1, 12), lastStore: `${profile.name} ${homeCity.name}` }
                : category === "identity"
                  ? {
                      nameVerified: true,
                      loyaltyProgramme: "partner loyalty card",
                      memberSince: new Date(createdAt).getUTCFullYear(),
                    }
                  : { category, matched: true };
        thirdPartyRows.push({
          id: uuidv7(at),
          customerId,
          kind: "PARTNER",
          sourceName: names.generic,
          receivedAt: new Date(at),
          data,
        });
      }
    }
  }

  // ---- Consent history (append-only) ----
  const consentRows = buildConsentHistory(rng.fork("consents"), profile, {
    shopId,
    customerId,
    createdAt,
    now,
    isNew,
    isDemo,
  });

  // ---- Write everything ----
  const chunk = 1000;
  if (phones.length) await db.customerPhone.createMany({ data: phones });
  if (addressRows.length) await db.address.createMany({ data: addressRows });
  await insertOrders(db, built, chunk);
  if (paymentRows.length) await db.paymentMethod.createMany({ data: paymentRows });
  if (wishlistRows.length) await db.wishlistItem.createMany({ data: wishlistRows });
  if (preferenceRows.length) await db.preference.createMany({ data: preferenceRows });
  if (pollRows.length) await db.pollAnswer.createMany({ data: pollRows });
  if (accounts.length) await db.account.createMany({ data: accounts.map(({ linkedMs: _linked, ...row }) => row) });
  if (invitationRows.length) await db.invitation.createMany({ data: invitationRows });
  if (deviceRows.length) await db.device.createMany({ data: deviceRows });
  await insertChunks(signInRows, chunk, (data) => db.signInEvent.createMany({ data }));
  if (thirdPartyRows.length) await db.thirdPartyRecord.createMany({ data: thirdPartyRows });
  await insertChunks(consentRows, chunk, (data) => db.consentRecord.createMany({ data }));
  return customerId;
}

function enrichmentSource(profile: ShopProfile): string | null {
  const recipient = profile.recipients.find(
    (r) =>
      r.categories.includes("enrichment") &&
      /enrich|insight|data/i.test(r.name) &&
      !/providers|services|companies/i.test(r.name),
  );
  return recipient?.name ?? null;
}

// Facebook's Graph `/me` answer for one of the local identity provider's people.
function demoFacebookProfile(identity: DemoIdentity): { id: string; profile: Record<string, unknown> } {
  const [first, ...rest] = identity.name.split(" ");
  return {
    id: identity.id,
    profile: {
      id: identity.id,
      name: identity.name,
      first_name: identity.firstName ?? first,
      last_name: identity.lastName ?? rest.join(" "),
      email: identity.email,
    },
  };
}

function providerProfile(
  rng: Rng,
  provider: string,
  p: { firstName: string; lastName: string; email: string; dob: Date; hometown: string; locale: Locale },
): { id: string; profile: Record<string, unknown> } {
  const name = `${p.firstName} ${p.lastName}`;
  const lang = { RO: "ro", BG: "bg", GR: "el" }[p.locale.country] ?? "en";
  switch (provider) {
    case "facebook": {
      const id = `10${rng.digits(14)}`;
      const mm = String(p.dob.getUTCMonth() + 1).padStart(2, "0");
      const dd = String(p.dob.getUTCDate()).padStart(2, "0");
      return {
        id,
        profile: {
          id,
          name,
          first_name: p.firstName,
          last_name: p.lastName,
          email: p.email,
          picture: {
            data: { url: `https://graph.facebook.example/${id}/picture?type=large`, width: 200, height: 200 },
          },
          birthday: `${mm}/${dd}/${p.dob.getUTCFullYear()}`,
          hometown: { name: `${p.hometown}, ${p.locale.countryName}` },
          friends_count: rng.int(40, 1800),
        },
      };
    }
    case "google": {
      const id = `1${rng.digits(20)}`;
      return {
        id,
        profile: {
          sub: id,
          name,
          given_name: p.firstName,
          family_name: p.lastName,
          email: p.email,
          email_verified: true,
          picture: `https://lh3.googleusercontent.example/a/${alnum(rng, 24)}=s96-c`,
          locale: lang,
        },
      };
    }
    case "microsoft": {
      // Microsoft's ID token claims (what sign-in with Microsoft gives).
      const id = `AAAAAAAAAAAAAAAAAAAAA${alnum(rng, 22)}`;
      return {
        id,
        profile: {
          sub: id,
          name,
          email: p.email,
          preferred_username: p.email,
          oid: `00000000-0000-0000-${rng.digits(4)}-${rng.digits(12)}`,
          tid: "9188040d-6c67-4c5b-b112-36a304b66dad",
        },
      };
    }
    case "twitter": {
      // X's API v2 `/2/users/me` (OAuth 2.0 gives no email).
      const id = `1${rng.digits(18)}`;
      const handle = asciiFold(`${p.firstName}${p.lastName[0]}`).replace(/[^A-Za-z]/g, "") + rng.int(10, 99);
      return {
        id,
        profile: {
          id,
          name,
          username: handle,
          profile_image_url: `https://pbs.twimg.example/profile_images/${rng.digits(10)}/${alnum(rng, 8)}_normal.jpg`,
          location: `${p.hometown}, ${p.locale.countryName}`,
        },
      };
    }
    default: {
      const id = rng.digits(16);
      return { id, profile: { id, name, email: p.email } };
    }
  }
}

/**
 * Append-only consent history built from the shop's consent purposes: a sign-up record
 * for some purposes, later changes from the account page (or an unsubscribe link), and
 * for a double-opt-in shop possibly a recent email grant still PENDING confirmation.
 * Required cookie purposes are always GRANTED.
 */
export function buildConsentHistory(
  rng: Rng,
  profile: ShopProfile,
  c: { shopId: string; customerId: string; createdAt: number; now: number; isNew: boolean; isDemo: boolean },
): Prisma.ConsentRecordCreateManyInput[] {
  const purposes = consentPurposes(profile);
  const doubleOptIn = profile.marketing.requiresDoubleOptIn;
  const state = new Map<string, ConsentState>();
  const rows: Prisma.ConsentRecordCreateManyInput[] = [];
  const levelFor = (key: string, s: ConsentState): OptInLevel =>
    doubleOptIn && s !== "PENDING" && key.startsWith("marketing:email:") ? "CONFIRMED" : "SINGLE";
  const push = (key: string, s: ConsentState, source: ConsentSource, at: number) => {
    state.set(key, s);
    rows.push({
      id: uuidv7(at),
      shopId: c.shopId,
      customerId: c.customerId,
      purposeKey: key,
      state: s,
      optInLevel: levelFor(key, s),
      source,
      actorType: "CUSTOMER",
      actorId: null,
      policyVersion: profile.policyVersion,
      createdAt: new Date(at),
    });
  };

  // Sign-up: the cookie banner and the boxes ticked on the registration form.
  const signUp = c.createdAt + rng.int(5, 60) * 1000;
  const emailKeen = rng.chance(0.6);
  const otherKeen = rng.chance(0.3);
  for (const p of purposes) {
    if (p.isRequired) push(p.key, "GRANTED", "SIGN_UP", signUp);
    else if (p.kind === "cookies") push(p.key, rng.chance(0.55) ? "GRANTED" : "WITHDRAWN", "SIGN_UP", signUp);
    else if (p.kind === "marketing") {
      const keen = p.channel === "email" ? emailKeen : otherKeen;
      if (keen && rng.chance(0.7)) push(p.key, "GRANTED", "SIGN_UP", signUp);
    } else if (rng.chance(0.3)) push(p.key, "GRANTED", "SIGN_UP", signUp);
  }

  // Later changes on the account page (granted → withdrawn and back).
  const optional = purposes.filter((p) => !p.isRequired);
  if (!c.isNew && optional.length > 0) {
    const changes = c.isDemo ? rng.int(4, 8) : rng.int(1, 5);
    const times: number[] = [];
    for (let i = 0; i < changes; i++) times.push(rng.between(c.createdAt + 20 * DAY, c.now - 12 * DAY));
    times.sort((a, b) => a - b);
    for (const at of times) {
      const p = rng.pick(optional);
      const current = state.get(p.key);
      if (current === "GRANTED") {
        const viaLink = p.kind === "marketing" && p.channel === "email" && rng.chance(0.35);
        push(p.key, "WITHDRAWN", viaLink ? "UNSUBSCRIBE_LINK" : "ACCOUNT_PAGE", at);
      } else {
        push(p.key, "GRANTED", "ACCOUNT_PAGE", at);
      }
    }
  }

  // A recent email opt-in still waiting for the confirmation click (double opt-in shops).
  if (doubleOptIn && (c.isDemo || rng.chance(0.2))) {
    const candidates = purposes.filter(
      (p) => p.kind === "marketing" && p.channel === "email" && state.get(p.key) !== "GRANTED",
    );
    if (candidates.length > 0) {
      const at = c.isNew ? c.now - rng.int(1, 20) * HOUR : rng.between(c.now - 6 * DAY, c.now - 2 * HOUR);
      push(rng.pick(candidates).key, "PENDING", "ACCOUNT_PAGE", Math.max(at, signUp + MINUTE));
    }
  }
  return rows;
}

export type { Catalog };
