// Demo data for every shop profile in shops/:
//   npx tsx prisma/seed.ts                       seeds shops without their demo customer
//   npx tsx prisma/seed.ts --orders 100000 [--shop almaz] [--email bench-100000@almaz.example]
//                                                one benchmark customer with N orders
// Uses the same database as the app (PGLITE_DIR / DATABASE_URL); run `npm run db:migrate` first.
import { closeDatabase, getPrisma } from "../server/db";
import { loadProfilesFrom, shopsDirectory } from "../server/tenants/load-profiles";
import { DEMO_PASSWORD, generateOrders, seedShops, upsertShops } from "./seed/index";

type Args = { orders?: number; shop?: string; email?: string };

function parseArgs(argv: string[]): Args {
  const args: Args = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split("=", 2);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case "--orders": {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1) throw new Error("--orders needs a positive whole number");
        args.orders = n;
        break;
      }
      case "--shop":
        args.shop = value();
        break;
      case "--email":
        args.email = value();
        break;
      default:
        throw new Error(`Unknown argument ${argv[i]} (use --orders N [--shop handle] [--email address])`);
    }
  }
  if ((args.shop || args.email) && args.orders === undefined) throw new Error("--shop and --email go with --orders N");
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const profiles = loadProfilesFrom(shopsDirectory());
  if (profiles.length === 0) throw new Error(`No shop profiles in ${shopsDirectory()}`);
  const prisma = getPrisma();
  const started = Date.now();

  if (args.orders !== undefined) {
    await upsertShops(prisma, profiles);
    const handle = args.shop ?? "almaz";
    const profile = profiles.find((p) => p.handle === handle);
    if (!profile) throw new Error(`No shop "${handle}" (profiles: ${profiles.map((p) => p.handle).join(", ")})`);
    const result = await generateOrders(prisma, {
      shopHandle: handle,
      email: args.email,
      orders: args.orders,
      profile,
      log: out,
    });
    out(
      `${handle}: ${result.email} has ${result.total.toLocaleString("en")} orders (${result.created.toLocaleString("en")} created)`,
    );
    out(`Sign in: ${result.email} / ${DEMO_PASSWORD}`);
    out(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return;
  }

  const results = await seedShops(prisma, profiles, { log: out });
  out("");
  for (const r of results) {
    out(
      `${r.handle.padEnd(14)} ${String(r.customers).padStart(4)} customers ${String(r.orders).padStart(6)} orders ${String(r.invoices).padStart(6)} invoices${r.alreadySeeded ? "  (already seeded)" : ""}`,
    );
  }
  out("");
  // The demo newsletter goes through the app's marketing service, whose modules import
  // "server-only": `npm run db:seed` runs with the react-server condition for that.
  if (require.resolve("server-only").endsWith("empty.js")) {
    const { sendDemoNewsletters } = await import("./seed/newsletters");
    for (const n of await sendDemoNewsletters(profiles)) {
      const what = {
        sent: "sent one newsletter to the demo customer (see /dev/mailbox)",
        "already-sent": "demo newsletter already sent",
        "no-consent": "no newsletter: the demo customer has no granted email subscription",
        "no-customer": "no newsletter: no demo customer",
      }[n.status];
      out(`${n.handle.padEnd(14)} ${what}`);
    }
  } else {
    out("Demo newsletters skipped (run the seed with `npm run db:seed` to send them).");
  }
  out("");
  for (const r of results) out(`Sign in: ${r.demoEmail} / ${DEMO_PASSWORD}`);
  out(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`Seed failed: ${(error as Error).message}\n`);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
