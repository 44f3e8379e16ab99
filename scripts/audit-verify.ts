import { parseArgs } from "node:util";
import {
  type AuditLogProblem,
  type AuditLogReport,
  type CheckpointResult,
  checkpointAuditChain,
  listCheckpointedShopIds,
  verifyAuditLog,
} from "../server/audit/checkpoint";
import { closeDatabase, getPrisma } from "../server/db";

// npm run audit:verify [-- --checkpoint] [-- --shop <id> ...]
// Verifies every shop's audit log: the hash chain, and the table against the signed
// checkpoints in AUDIT_CHECKPOINT_DIR (server/audit/checkpoint.ts). One line per shop
// and a summary; exit code 1 when any shop has a problem, 2 on a usage error.
// Ids, sequences and hashes only. Opens the database as the app does: DATABASE_URL, else
// the embedded database in PGLITE_DIR or .data/pglite (which only one process may have
// open: stop the app first).

const USAGE = `Usage: npm run audit:verify -- [--checkpoint] [--shop <shop id>]...
  --checkpoint   write a checkpoint of each shop's head first (when it moved)
  --shop <id>    verify only this shop (repeatable); default: every shop in the
                 database or in the checkpoint folder
`;

const short = (hash: string) => hash.slice(0, 12);

function describe(problem: AuditLogProblem): string {
  switch (problem.kind) {
    case "TRUNCATED":
      return `TRUNCATED ${problem.fromSequence}-${problem.toSequence}`;
    case "BAD_CHECKPOINT":
      return `BAD_CHECKPOINT ${problem.reason} ${problem.key}`;
    default:
      return `${problem.kind} ${problem.sequence} (${problem.source})`;
  }
}

function line(report: AuditLogReport, written: CheckpointResult | undefined): string {
  const head = report.tableHead ? `${report.tableHead.sequence}:${short(report.tableHead.hash)}` : "none";
  const newest = report.checkpoints.newest ? String(report.checkpoints.newest.sequence) : "none";
  const facts = [
    `head=${head}`,
    `checked=${report.chain.checked}`,
    `checkpoints=${report.checkpoints.valid}`,
    `newest-checkpoint=${newest}`,
    ...(written ? [`checkpoint=${written.status.toLowerCase()}`] : []),
  ].join(" ");
  if (report.isValid) return `OK   ${report.shopId} ${facts}`;
  return `FAIL ${report.shopId} ${facts} :: ${report.problems.map(describe).join("; ")}`;
}

async function main(): Promise<number> {
  let values: { checkpoint?: boolean; shop?: string[]; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        checkpoint: { type: "boolean" },
        shop: { type: "string", multiple: true },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const shopIds =
    values.shop ??
    [
      ...new Set([
        ...(await getPrisma().shop.findMany({ select: { id: true } })).map((s) => s.id),
        ...(await listCheckpointedShopIds()),
      ]),
    ].sort();

  let failed = 0;
  for (const shopId of shopIds) {
    const written = values.checkpoint ? await checkpointAuditChain({ shopId }) : undefined;
    const report = await verifyAuditLog({ shopId });
    if (!report.isValid) failed++;
    process.stdout.write(`${line(report, written)}\n`);
  }
  process.stdout.write(`Verified ${shopIds.length} shop(s): ${shopIds.length - failed} OK, ${failed} with problems.\n`);
  return failed ? 1 : 0;
}

main()
  .then(async (code) => {
    await closeDatabase();
    process.exitCode = code;
  })
  .catch(async (error) => {
    process.stderr.write(`${(error as Error).message}\n`);
    await closeDatabase().catch(() => undefined);
    process.exitCode = 2;
  });
