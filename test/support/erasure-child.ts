// One run of the erasure engine in a process of its own, for the fault test
// (test/integration/erasure-fault.test.ts), which starts it with
//   npx tsx --conditions=react-server test/support/erasure-child.ts
// and the test's DATABASE_URL (PostgreSQL) or PGLITE_DIR (an embedded database on disk
// that only this process has open while it runs).
//   ERASURE_REQUEST_ID    the deletion request to run (or resume)
//   ERASURE_BATCH_SIZE    rows per batch (small, so that there are many steps)
//   ERASURE_KILL_AT       kill this process with SIGKILL at the Nth committed step of this
//                         run (0 = "start", right after the request became ERASING)
//   ERASURE_KILL_IN_FINISH=1  kill it inside the last step's transaction, before it commits
// Every committed step is written to stdout as "STEP <n> <name>" before any kill, and a
// run that ends is reported as "DONE <result>".
import { writeSync } from "node:fs";
import { closeDatabase } from "@/server/db";
import { runErasure } from "@/server/erasure";
import { ERASURE } from "@/server/erasure/engine";

const out = (line: string) => writeSync(1, `${line}\n`);
const kill = () => process.kill(process.pid, "SIGKILL");

async function main() {
  const requestId = process.env.ERASURE_REQUEST_ID;
  if (!requestId) throw new Error("ERASURE_REQUEST_ID is not set");
  if (process.env.ERASURE_BATCH_SIZE) ERASURE.batchSize = Number(process.env.ERASURE_BATCH_SIZE);
  const killAt = process.env.ERASURE_KILL_AT ? Number(process.env.ERASURE_KILL_AT) : null;
  let n = 0;
  ERASURE.testHooks.afterStep = (step) => {
    out(`STEP ${n} ${step}`);
    if (n === killAt) kill();
    n++;
  };
  if (process.env.ERASURE_KILL_IN_FINISH === "1") {
    ERASURE.testHooks.inFinish = () => {
      out("IN-FINISH");
      kill();
    };
  }
  const result = await runErasure({ requestId });
  await closeDatabase();
  out(`DONE ${result}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exit(1);
  },
);
