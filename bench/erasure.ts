// "Delete my account" at scale (issue 6): a customer with 100,000 orders (and their
// items, invoices and warranty certificates, sign-ins, sessions, emails, activity log,
// consents, exports...) erased by the real engine (runErasure), next to a few other
// customers in the same shop and in another one.
// Prints the wall time, the number of SQL statements, the longest single transaction
// (and what it was) and rows changed per second. Target: no transaction holds its locks
// for a second or more; the script exits non-zero when one does.
//   npx tsx bench/erasure.ts
// Runs on PostgreSQL at BENCH_POSTGRES (default postgresql://postgres@127.0.0.1:5432) in
// a database of its own (bench_erasure, created and dropped here); BENCH_DB=pglite runs
// it on the embedded database in a temporary directory instead.
// BENCH_ORDERS (default 100000) sizes the customer, BENCH_SHOP (default almaz) chooses
// the shop (and so the retention rules that keep rows after erasure).
// The fixture is written with set-based SQL (generate_series), not the seed's generator:
// 100,000 orders take seconds that way. Its activity-log events carry placeholder hashes
// (erasure does not read the chain).
//
// How it is measured: statements and transactions are timed where they reach the
// database driver (pg's Client.query on PostgreSQL, PGlite's query/exec/transaction), so
// the start and the last step, which use Prisma transactions, are counted as well as the
// engine's batches; the engine's own statements also go through a wrapping ErasureDb that
// names what each one works on. A statement outside BEGIN...COMMIT is a transaction of its own.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { adminQuery, benchEnv, loadAverage } from "./support";

const ROOT = path.resolve(import.meta.dirname, "..");
const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const SHOP = process.env.BENCH_SHOP ?? "almaz";
const OTHER_SHOP = SHOP === "allegra" ? "almaz" : "allegra";
const LIMIT_MS = 1000;
const PASSWORD = "bench-erasure-password";

const load = <T>(id: string): T => require(id) as T;

// ---------------------------------------------------------------------------------------
// The fixture, as SQL. Ids are md5-derived uuids so that related rows can name each other
// without joins; every value is generated here (no input), so literals are safe.

type Sizes = {
  orders: number;
  signIns: number;
  sessions: number;
  emails: number;
  notifications: number;
  auditEvents: number;
  consents: number;
  thirdParty: number;
  exports: number;
};

const sizesFor = (orders: number): Sizes => {
  const of = (per100k: number) => Math.max(1, Math.round((per100k * orders) / 100_000));
  return {
    orders,
    signIns: of(20_000),
    sessions: of(200),
    emails: of(10_000),
    notifications: of(2_000),
    auditEvents: of(2_000),
    consents: of(1_000),
    thirdParty: of(500),
    exports: Math.min(20, of(20)),
  };
};

function fixtureSql(
  c: { customerId: string; shopId: string; email: string; passwordHash: string; key: string },
  s: Sizes,
) {
  const uuid = /^[0-9a-f-]{36}$/;
  if (!uuid.test(c.customerId) || !uuid.test(c.shopId) || !/^[a-z0-9-]+$/.test(c.key)) throw new Error("bad id");
  const q = (v: string) => `'${v.replace(/'/g, "''")}'`;
  const cust = `${q(c.customerId)}::uuid`;
  const shop = `${q(c.shopId)}::uuid`;
  const id = (kind: string, ...parts: string[]) =>
    `md5(${q(`${c.key}-${kind}`)} || ${parts.join(" || '-' || ")})::uuid`;
  const span = "interval '8 years'";
  const at = (g: string, n: number) => `now() - ${span} + (${g}::float8 / ${n}) * (${span} - interval '2 days')`;
  const status = `(CASE WHEN g % 23 = 0 THEN 'CANCELLED' WHEN g % 29 = 0 THEN 'RETURNED' ELSE 'DELIVERED' END)`;
  const name = `'Bench Customer ${c.key}'`;
  const address = `'Strada Exemplu ' || (g % 40 + 1) || ', 010101 Bucuresti, Romania'`;
  return [
    `INSERT INTO "Customer" ("id", "shopId", "email", "emailVerifiedAt", "passwordHash", "firstName", "lastName", "alias",
       "dateOfBirth", "gender", "hometown", "nationalId", "locale", "status", "createdAt", "updatedAt")
     VALUES (${cust}, ${shop}, ${q(c.email)}, now() - ${span}, ${q(c.passwordHash)}, 'Bench', ${q(c.key)}, 'bench',
       '1980-05-17', 'FEMALE', 'Cluj-Napoca', '2800517123456', 'ro', 'ACTIVE', now() - ${span}, now())`,
    `INSERT INTO "CustomerPhone" ("id", "customerId", "kind", "number", "isPrimary", "createdAt")
     SELECT ${id("phone", "g")}, ${cust}, (CASE WHEN g = 1 THEN 'MOBILE' ELSE 'HOME' END)::"PhoneKind", '+4072100000' || g, g = 1, now() FROM generate_series(1, 2) g`,
    `INSERT INTO "Address" ("id", "customerId", "label", "recipientName", "line1", "city", "postalCode", "country",
       "isDefaultShipping", "isDefaultBilling", "createdAt", "updatedAt")
     SELECT ${id("address", "g")}, ${cust}, 'Address ' || g, ${name}, 'Strada Exemplu ' || g, 'Bucuresti', '010101', 'RO', g = 1, g = 1, now(), now()
       FROM generate_series(1, 3) g`,
    `INSERT INTO "Order" ("id", "shopId", "customerId", "number", "placedAt", "status", "currency", "subtotalCents",
       "shippingCents", "totalCents", "shippingName", "shippingAddress", "billingName", "billingAddress")
     SELECT ${id("order", "g")}, ${shop}, ${cust}, ${q(`BENCH-${c.key}-`)} || g, ${at("g", s.orders)}, ${status}::"OrderStatus", 'RON',
       10000 + (g % 50) * 100, 1500, 11500 + (g % 50) * 100, ${name}, ${address}, ${name}, ${address}
       FROM generate_series(1, ${s.orders}) g`,
    `INSERT INTO "OrderItem" ("id", "orderId", "sku", "productName", "quantity", "unitPriceCents")
     SELECT ${id("item", "g", "k")}, ${id("order", "g")}, 'SKU-' || (g % 97) || '-' || k, 'Product ' || (g % 97) || '/' || k, 1, 5000
       FROM generate_series(1, ${s.orders}) g CROSS JOIN generate_series(1, 3) k WHERE k <= 2 + g % 2`,
    `INSERT INTO "Invoice" ("id", "shopId", "customerId", "orderId", "number", "issuedAt", "billingName", "billingAddress",
       "currency", "netCents", "taxCents", "totalCents")
     SELECT ${id("invoice", "g")}, ${shop}, ${cust}, ${id("order", "g")}, ${q(`BENCH-${c.key}-INV-`)} || g,
       ${at("g", s.orders)} + interval '10 minutes', ${name}, ${address}, 'RON', 9664, 1836, 11500 + (g % 50) * 100
       FROM generate_series(1, ${s.orders}) g WHERE g % 23 <> 0`,
    `INSERT INTO "WarrantyCertificate" ("id", "shopId", "customerId", "orderId", "number", "productName", "serialNumber",
       "holderName", "issuedAt", "validUntil")
     SELECT ${id("warranty", "g")}, ${shop}, ${cust}, ${id("order", "g")}, ${q(`BENCH-${c.key}-W-`)} || g, 'Product ' || (g % 97),
       'SN' || g, ${name}, ${at("g", s.orders)} + interval '1 hour', ${at("g", s.orders)} + interval '2 years'
       FROM generate_series(1, ${s.orders}) g WHERE g % 2 = 0 AND g % 23 <> 0 AND g % 29 <> 0`,
    `INSERT INTO "PaymentMethod" ("id", "customerId", "brand", "last4", "expMonth", "expYear", "holderName", "isDefault", "createdAt")
     SELECT ${id("card", "g")}, ${cust}, 'Visa', lpad((1000 + g)::text, 4, '0'), g, 2030, 'BENCH CUSTOMER', g = 1, now() FROM generate_series(1, 3) g`,
    `INSERT INTO "WishlistItem" ("id", "customerId", "sku", "productName", "addedAt")
     SELECT ${id("wish", "g")}, ${cust}, 'SKU-W' || g, 'Wished ' || g, now() FROM generate_series(1, 10) g`,
    `INSERT INTO "Preference" ("id", "customerId", "key", "value", "updatedAt")
     SELECT ${id("pref", "g")}, ${cust}, 'pref-' || g, 'value ' || g, now() FROM generate_series(1, 5) g`,
    `INSERT INTO "PollAnswer" ("id", "customerId", "poll", "question", "answer", "answeredAt")
     SELECT ${id("poll", "g")}, ${cust}, 'poll-' || g, 'Question ' || g, 'Answer', now() FROM generate_series(1, 5) g`,
    `INSERT INTO "Device" ("id", "customerId", "label", "userAgent", "firstSeenAt", "lastSeenAt", "lastIp")
     SELECT ${id("device", "g")}, ${cust}, 'Device ' || g, 'Mozilla/5.0 bench ' || g, now() - ${span}, now(), '192.0.2.' || g FROM generate_series(1, 5) g`,
    `INSERT INTO "SignInEvent" ("id", "shopId", "customerId", "deviceId", "method", "isSuccessful", "ip", "userAgent", "at")
     SELECT ${id("signin", "g")}, ${shop}, ${cust}, ${id("device", "(g % 5 + 1)::text")}, 'password', g % 9 <> 0,
       '192.0.2.' || (g % 5 + 1), 'Mozilla/5.0 bench', ${at("g", s.signIns)} FROM generate_series(1, ${s.signIns}) g`,
    `INSERT INTO "ThirdPartyRecord" ("id", "customerId", "kind", "sourceName", "receivedAt", "data")
     SELECT ${id("third", "g")}, ${cust}, 'PARTNER', 'Courier (bench)', ${at("g", s.thirdParty)},
       jsonb_build_object('orderNumber', ${q(`BENCH-${c.key}-`)} || g, 'status', 'delivered') FROM generate_series(1, ${s.thirdParty}) g`,
    `INSERT INTO "Account" ("id", "shopId", "customerId", "type", "provider", "providerAccountId", "profile", "linkedAt")
     VALUES (${id("account", "'1'")}, ${shop}, ${cust}, 'oauth', 'google', ${q(`bench-${c.key}`)}, '{"name":"Bench"}', now())`,
    `INSERT INTO "Session" ("id", "customerId", "createdAt", "lastSeenAt", "expiresAt", "authenticatedAt", "ip", "userAgent")
     SELECT ${id("session", "g")}, ${cust}, ${at("g", s.sessions)}, ${at("g", s.sessions)}, ${at("g", s.sessions)} + interval '30 days',
       ${at("g", s.sessions)}, '192.0.2.1', 'Mozilla/5.0 bench' FROM generate_series(1, ${s.sessions}) g`,
    `INSERT INTO "ConsentRecord" ("id", "shopId", "customerId", "purposeKey", "state", "optInLevel", "source", "actorType",
       "policyVersion", "createdAt")
     SELECT ${id("consent", "g")}, ${shop}, ${cust}, 'marketing:email:offers', (CASE WHEN g % 2 = 0 THEN 'GRANTED' ELSE 'WITHDRAWN' END)::"ConsentState",
       'SINGLE', 'ACCOUNT_PAGE', 'CUSTOMER', '1', ${at("g", s.consents)} FROM generate_series(1, ${s.consents}) g`,
    `WITH base AS (SELECT coalesce(max("sequence"), 0) AS n FROM "AuditEvent" WHERE "shopId" = ${shop}),
     events AS (
       INSERT INTO "AuditEvent" ("id", "shopId", "sequence", "customerId", "actorType", "actorId", "action", "details", "createdAt", "prevHash", "hash")
       SELECT ${id("audit", "g")}, ${shop}, base.n + g, ${cust}, 'CUSTOMER', ${q(c.customerId)}, 'customer.update',
         '{"fields":["alias"]}', ${at("g", s.auditEvents)}, CASE WHEN base.n + g = 1 THEN NULL ELSE 'bench' END, md5(${q(c.key)} || g)
         FROM base CROSS JOIN generate_series(1, ${s.auditEvents}) g
       RETURNING "id", "createdAt")
     INSERT INTO "AuditEventValue" ("id", "auditEventId", "shopId", "customerId", "values", "salt", "createdAt")
     SELECT md5('value-' || events."id")::uuid, events."id", ${shop}, ${cust}, '{"alias":{"from":"a","to":"b"}}', md5(random()::text), events."createdAt" FROM events`,
    `INSERT INTO "RecipientNotification" ("id", "shopId", "customerId", "recipientKey", "kind", "payload", "status", "createdAt")
     SELECT ${id("notice", "g")}, ${shop}, ${cust}, 'courier', 'RECTIFICATION', '{"fields":["alias"]}', 'DELIVERED', ${at("g", s.notifications)}
       FROM generate_series(1, ${s.notifications}) g`,
    `INSERT INTO "OutboundEmail" ("id", "shopId", "customerId", "toAddress", "subject", "textBody", "kind", "status", "attempts", "createdAt", "sentAt", "nextAttemptAt")
     SELECT ${id("email", "g")}, ${shop}, ${cust}, ${q(c.email)}, 'Your order ' || g, repeat('Hello Bench Customer, your order is on its way. ', 12),
       'order-update', 'SENT', 1, ${at("g", s.emails)}, ${at("g", s.emails)}, ${at("g", s.emails)} FROM generate_series(1, ${s.emails}) g`,
    `INSERT INTO "EmailChangeRequest" ("id", "customerId", "shopId", "newEmail", "tokenHash", "expiresAt", "cancelledAt", "createdAt")
     SELECT ${id("email-change", "g")}, ${cust}, ${shop}, 'new-' || g || ${q(`-${c.email}`)}, md5(${q(`${c.key}-ec-`)} || g), now() - interval '1 day', now(), now() - interval '2 days'
       FROM generate_series(1, 3) g`,
    `INSERT INTO "ConsentConfirmation" ("id", "shopId", "customerId", "purposeKeys", "tokenHash", "expiresAt", "confirmedAt", "createdAt")
     SELECT ${id("confirmation", "g")}, ${shop}, ${cust}, ARRAY['marketing:email:offers'], md5(${q(`${c.key}-cc-`)} || g), now() - interval '1 day', now() - interval '2 days', now() - interval '3 days'
       FROM generate_series(1, 3) g`,
    `INSERT INTO "Export" ("id", "shopId", "customerId", "format", "categories", "status", "progress", "createdAt", "readyAt", "expiresAt")
     SELECT ${id("export", "g")}, ${shop}, ${cust}, 'JSON', '{}', 'READY', 100, ${at("g", s.exports)}, ${at("g", s.exports)}, ${at("g", s.exports)} + interval '7 days'
       FROM generate_series(1, ${s.exports}) g`,
    `INSERT INTO "ExportDownload" ("id", "exportId", "customerId", "at", "ip", "userAgent")
     SELECT ${id("download", "g", "k")}, ${id("export", "g")}, ${cust}, now(), '192.0.2.1', 'Mozilla/5.0 bench'
       FROM generate_series(1, ${s.exports}) g CROSS JOIN generate_series(1, 2) k`,
  ];
}

// ---------------------------------------------------------------------------------------
// Measuring at the driver.

// A transaction: what it did, how long it held, its statements and the slowest of them.
type Span = { label: string; ms: number; statements: number; slowest: { sql: string; ms: number } };
type Open = { statements: number; slowest: { sql: string; ms: number } };
const none = () => ({ sql: "", ms: 0 });
const note = (tx: Open, sql: string, ms: number) => {
  tx.statements++;
  if (ms > tx.slowest.ms) tx.slowest = { sql, ms };
};

type Meter = {
  // Only runErasure is measured.
  on: boolean;
  statements: number;
  transactions: number;
  spans: Span[];
  phase: string;
};

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;
const TX_CONTROL = /^\s*(BEGIN|START TRANSACTION|COMMIT|ROLLBACK|END)\b/i;

function meterPostgres(meter: Meter): void {
  const open = new Map<unknown, Open & { startedAt: number; label: string }>();
  const record = (client: unknown, text: string, startedAt: number) => {
    if (!meter.on) return;
    const ended = nowMs();
    const word = TX_CONTROL.exec(text)?.[1]?.toUpperCase();
    if (word === "BEGIN" || word === "START TRANSACTION") {
      open.set(client, { startedAt, label: meter.phase, statements: 0, slowest: none() });
      return;
    }
    const tx = open.get(client);
    if (word) {
      if (tx) {
        open.delete(client);
        meter.transactions++;
        meter.spans.push({ ...tx, ms: ended - tx.startedAt });
      }
      return;
    }
    meter.statements++;
    if (tx) note(tx, text, ended - startedAt);
    else {
      meter.transactions++;
      meter.spans.push({
        label: meter.phase,
        ms: ended - startedAt,
        statements: 1,
        slowest: { sql: text, ms: ended - startedAt },
      });
    }
  };
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const config = args[0];
    const text = typeof config === "string" ? config : String((config as { text?: string })?.text ?? "");
    const startedAt = nowMs();
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last] as (...a: unknown[]) => void;
      args[last] = (...result: unknown[]) => {
        record(this, text, startedAt);
        callback(...result);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args) as Promise<unknown> | undefined;
    if (result && typeof result.then === "function") {
      return result.then((value) => {
        record(this, text, startedAt);
        return value;
      });
    }
    return result;
  };
}

function meterPglite(meter: Meter): void {
  type Q = (...args: unknown[]) => Promise<unknown>;
  const { PGlite } = load<{ PGlite: { prototype: Record<string, unknown> } }>("@electric-sql/pglite");
  const proto = PGlite.prototype as {
    query: Q;
    exec: Q;
    transaction: (fn: (tx: unknown) => unknown) => Promise<unknown>;
  };
  let inTransaction: Open | null = null;
  const counted =
    (fn: Q, self: unknown): Q =>
    async (...args) => {
      const startedAt = nowMs();
      const result = await fn.apply(self, args);
      if (!meter.on) return result;
      const sql = String(args[0]);
      const ms = nowMs() - startedAt;
      meter.statements++;
      if (inTransaction) note(inTransaction, sql, ms);
      else {
        meter.transactions++;
        meter.spans.push({ label: meter.phase, ms, statements: 1, slowest: { sql, ms } });
      }
      return result;
    };
  const { query, exec, transaction } = proto;
  proto.query = function (this: unknown, ...args: unknown[]) {
    return counted(query, this)(...args);
  };
  proto.exec = function (this: unknown, ...args: unknown[]) {
    return counted(exec, this)(...args);
  };
  proto.transaction = async function (this: unknown, fn: (tx: unknown) => unknown) {
    const startedAt = nowMs();
    const label = meter.phase;
    const tx: Open = { statements: 0, slowest: none() };
    try {
      return await transaction.call(this, (raw: unknown) => {
        inTransaction = tx;
        const wrapped = new Proxy(raw as Record<string, unknown>, {
          get(target, prop) {
            const value = Reflect.get(target, prop);
            if ((prop === "query" || prop === "exec") && typeof value === "function")
              return counted(value as Q, target);
            return value;
          },
        });
        return fn(wrapped);
      });
    } finally {
      inTransaction = null;
      if (meter.on) meter.transactions++;
      if (meter.on) meter.spans.push({ label, ms: nowMs() - startedAt, ...tx });
    }
  };
}

// What an engine statement works on, e.g. `UPDATE "Order"`.
function describe(sql: string): string {
  const write = /^\s*(UPDATE|DELETE FROM|INSERT INTO)\s+"(\w+)"/i.exec(sql);
  if (write) return `${write[1].toUpperCase()} "${write[2]}"`;
  const read = /\bFROM\s+"(\w+)"/i.exec(sql);
  return read ? `SELECT FROM "${read[1]}"` : sql.trim().slice(0, 40);
}

// ---------------------------------------------------------------------------------------
// The worker: builds the fixture, confirms the request, erases, checks, prints.

type Modules = {
  db: typeof import("../server/db");
  migrate: typeof import("../server/db/migrate");
  erasure: typeof import("../server/erasure/index");
  engine: typeof import("../server/erasure/engine");
  tenants: typeof import("../server/tenants");
  password: typeof import("../server/auth/password");
  dataMap: typeof import("../server/data-map/index");
  ownerSql: typeof import("../server/data-map/owner-sql");
  viewer: typeof import("../server/auth/viewer");
};

async function worker(): Promise<number> {
  const m: Modules = {
    db: load("../server/db"),
    migrate: load("../server/db/migrate"),
    erasure: load("../server/erasure/index"),
    engine: load("../server/erasure/engine"),
    tenants: load("../server/tenants"),
    password: load("../server/auth/password"),
    dataMap: load("../server/data-map/index"),
    ownerSql: load("../server/data-map/owner-sql"),
    viewer: load("../server/auth/viewer"),
  };
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const database = m.db.getDatabase();
  const raw = database.raw;
  await m.migrate.applyMigrations(raw);
  const shop = await m.tenants.findShop({ handle: SHOP });
  const otherShop = await m.tenants.findShop({ handle: OTHER_SHOP });
  if (!shop || !otherShop) throw new Error(`no shop ${SHOP} or ${OTHER_SHOP}`);
  const passwordHash = await m.password.hashPassword(PASSWORD);
  const { randomUUID } = load<typeof import("node:crypto")>("node:crypto");

  const customers = [
    { key: "erased", shop, orders: ORDERS },
    { key: "same-shop-1", shop, orders: 2_000 },
    { key: "same-shop-2", shop, orders: 2_000 },
    { key: "other-shop", shop: otherShop, orders: 2_000 },
  ].map((c) => ({ ...c, customerId: randomUUID(), email: `bench-erasure-${c.key}@${c.shop.handle}.example` }));
  const [target, ...others] = customers;
  const built = Date.now();
  for (const c of customers) {
    for (const sql of fixtureSql({ ...c, shopId: c.shop.id, passwordHash }, sizesFor(c.orders))) await raw.exec(sql);
  }
  // Two of the exports have their file on disk (erasure deletes them first).
  const storage = load<typeof import("../server/storage")>("../server/storage").getExportStorage();
  const files = await raw.query<{ id: string }>(
    `SELECT "id" FROM "Export" WHERE "customerId" = $1::uuid ORDER BY "id" LIMIT 2`,
    [target.customerId],
  );
  for (const { id } of files) {
    const file = await storage.create(`bench/${id}.json`);
    file.stream.write("{}");
    await file.commit();
    await raw.query(`UPDATE "Export" SET "storageKey" = $1 WHERE "id" = $2::uuid`, [`bench/${id}.json`, id]);
  }
  await raw.exec("ANALYZE");
  const counted = async (c: (typeof customers)[number]) => {
    const params = [c.customerId, c.shop.id];
    let rows = 0;
    const digests: Record<string, string> = {};
    for (const entry of m.dataMap.personalModels()) {
      const [r] = await raw.query<{ n: number; digest: string | null }>(
        `SELECT count(*)::int AS "n", md5(string_agg(to_jsonb(t)::text, ',' ORDER BY t."id")) AS "digest"
           FROM ${m.ownerSql.quote(entry.model)} t WHERE ${m.ownerSql.ownerSql(entry)}`,
        params,
      );
      rows += r.n;
      digests[entry.model] = r.digest ?? "";
    }
    return { rows, digests };
  };
  const before = await counted(target);
  const othersBefore = await Promise.all(others.map(counted));
  out(
    `fixture: ${before.rows.toLocaleString("en")} rows of the customer to erase (${ORDERS.toLocaleString("en")} orders, ${SHOP}) and ${othersBefore.reduce((n, o) => n + o.rows, 0).toLocaleString("en")} of ${others.length} other customers, written in ${((Date.now() - built) / 1000).toFixed(1)} s`,
  );

  // The request as the customer makes it: password and typed word, the emailed link,
  // then due at once (as if the grace period had passed).
  const session = await database.prisma.session.create({
    data: { customerId: target.customerId, expiresAt: new Date(Date.now() + 3600_000) },
  });
  const viewer = m.viewer.customerViewer({
    shop,
    customerId: target.customerId,
    sessionId: session.id,
    authenticatedAt: session.authenticatedAt,
  });
  const request = await m.erasure.requestAccountDeletion({
    viewer,
    input: { password: PASSWORD, confirmation: "DELETE" },
  });
  const mail = await database.prisma.outboundEmail.findFirstOrThrow({
    where: { customerId: target.customerId, kind: "account-deletion-confirmation" },
    select: { textBody: true },
  });
  const token = /token=([A-Za-z0-9_-]{43})/.exec(mail.textBody)?.[1];
  await m.erasure.confirmAccountDeletion({ viewer, input: { token } });
  await database.prisma.deletionRequest.update({ where: { id: request.id }, data: { scheduledFor: new Date() } });

  // Measured from here.
  const meter: Meter = { on: true, statements: 0, transactions: 0, spans: [], phase: "start (startErasure)" };
  if (database.kind === "postgres") meterPostgres(meter);
  else meterPglite(meter);
  const engineStatements: { label: string; ms: number }[] = [];
  let rowsChanged = 0;
  const inner = m.engine.prismaErasureDb();
  const wrap = (db: typeof inner): typeof inner => ({
    async query(sql, ...params) {
      meter.phase = describe(sql);
      const startedAt = nowMs();
      const rows = await db.query(sql, ...params);
      engineStatements.push({ label: meter.phase, ms: nowMs() - startedAt });
      return rows as never;
    },
    async execute(sql, ...params) {
      meter.phase = describe(sql);
      const startedAt = nowMs();
      const n = await db.execute(sql, ...params);
      engineStatements.push({ label: meter.phase, ms: nowMs() - startedAt });
      rowsChanged += n;
      return n;
    },
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
  });
  m.engine.ERASURE.testHooks.afterStep = (step) => {
    // After the request row is ERASING or a model's last batch, the next statements are
    // the next model's (named by the wrapper) or the last step's (Prisma's own).
    if (step !== "batch") meter.phase = "finish (finishErasure)";
  };
  const started = nowMs();
  const result = await m.erasure.runErasure({ requestId: request.id, db: wrap(inner) });
  const wallMs = nowMs() - started;
  m.engine.ERASURE.testHooks.afterStep = null;
  meter.on = false;

  const done = await database.prisma.deletionRequest.findUniqueOrThrow({
    where: { id: request.id },
    select: { status: true, plan: true },
  });
  const after = await counted(target);
  const othersAfter = await Promise.all(others.map(counted));
  const othersUnchanged = othersAfter.every((o, i) => JSON.stringify(o) === JSON.stringify(othersBefore[i]));
  const plan = (done.plan ?? []) as { model: string; action: string; count: number }[];
  const planned = (action: string) => plan.filter((e) => e.action === action).reduce((n, e) => n + e.count, 0);
  await m.db.closeDatabase();

  const longest = meter.spans.reduce((a, b) => (b.ms > a.ms ? b : a), {
    label: "none",
    ms: 0,
    statements: 0,
    slowest: none(),
  });
  const byLabel = new Map<string, { n: number; ms: number; max: number }>();
  for (const span of meter.spans) {
    const entry = byLabel.get(span.label) ?? { n: 0, ms: 0, max: 0 };
    entry.n++;
    entry.ms += span.ms;
    entry.max = Math.max(entry.max, span.ms);
    byLabel.set(span.label, entry);
  }
  const top = [...byLabel.entries()].sort((a, b) => b[1].max - a[1].max).slice(0, 8);
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const int = (n: number) => Math.round(n).toLocaleString("en");
  const pass = longest.ms < LIMIT_MS;
  out(
    [
      `erasure: ${result}, request ${done.status}; batch size ${m.engine.ERASURE.batchSize}`,
      `plan: ${int(planned("DELETE"))} rows deleted, ${int(planned("ANONYMISE"))} anonymised, ${int(planned("RETAIN"))} kept under retention rules (detached), ${int(planned("KEEP"))} kept as they are`,
      `wall time: ${(wallMs / 1000).toFixed(2)} s`,
      `statements: ${int(meter.statements)} sent to the database in ${int(meter.transactions)} transactions (${int(engineStatements.length)} of them issued by the engine's batches and steps)`,
      `rows: ${int(before.rows)} of the customer's erased in ${(wallMs / 1000).toFixed(2)} s = ${int(before.rows / (wallMs / 1000))} rows/s; ${int(rowsChanged)} changed by the engine's statements (deleted, detached or overwritten; order items stay with their orders) = ${int(rowsChanged / (wallMs / 1000))} rows/s`,
      "longest transactions, by what they did (count, total, longest):",
      ...top.map(
        ([label, s]) =>
          `  ${label.padEnd(34)} ${String(s.n).padStart(6)} ${ms(s.ms).padStart(12)} ${ms(s.max).padStart(10)}`,
      ),
      `longest single transaction: ${ms(longest.ms)} (${longest.label}, ${longest.statements} statement${longest.statements === 1 ? "" : "s"}) = ${(longest.ms / LIMIT_MS).toFixed(3)} of the ${LIMIT_MS} ms limit: ${pass ? "PASS" : "FAIL"}`,
      `  its slowest statement: ${ms(longest.slowest.ms)}: ${longest.slowest.sql.replace(/\s+/g, " ").slice(0, 110)}…`,
      `customer's rows left linked to the account: ${int(after.rows)} (the tombstone, its consent records, activity log and the request) of ${int(before.rows)}`,
      `other customers' rows (${int(othersBefore.reduce((n, o) => n + o.rows, 0))}, same shop and ${OTHER_SHOP}): ${othersUnchanged ? "unchanged: PASS" : "CHANGED: FAIL"}`,
    ].join("\n"),
  );
  return pass && othersUnchanged && done.status === "COMPLETED" ? 0 : 1;
}

// ---------------------------------------------------------------------------------------
// The parent: a database of its own, the worker with the server modules' conditions.

async function main(): Promise<number> {
  const onPglite = process.env.BENCH_DB === "pglite";
  const server = process.env.BENCH_POSTGRES ?? "postgresql://postgres@127.0.0.1:5432";
  const database = "bench_erasure";
  const pgliteDir = mkdtempSync(path.join(tmpdir(), "bench-erasure-"));
  const exportDir = mkdtempSync(path.join(tmpdir(), "bench-erasure-files-"));
  const env = benchEnv({ pgliteDir: path.join(pgliteDir, "db"), exportDir });
  const admin = (sql: string) => adminQuery(server, sql);
  if (!onPglite) {
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${database}`);
    env.DATABASE_URL = `${server}/${database}`;
  }
  process.stdout.write(`machine: ${cpus().length} CPUs; load average at start ${loadAverage()}\n`);
  process.stdout.write(
    `database: ${onPglite ? "embedded PGlite (temporary directory)" : `PostgreSQL (${database}, dropped afterwards)`}\n`,
  );
  try {
    return await new Promise<number>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ["--conditions=react-server", "--require", "tsx/cjs", path.join(ROOT, "bench", "erasure.ts"), "worker"],
        { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"] },
      );
      child.on("error", reject);
      child.on("close", (code) => resolve(code ?? 1));
    });
  } finally {
    rmSync(exportDir, { recursive: true, force: true });
    rmSync(pgliteDir, { recursive: true, force: true });
    if (!onPglite) await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}

(process.argv[2] === "worker" ? worker() : main()).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exit(1);
  },
);
