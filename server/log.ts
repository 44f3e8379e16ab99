// Structured logs with an allow-list of fields: identifiers, codes and counts only.
// Nothing personal (emails, names, addresses, IPs) is ever passed here.
type LogFields = {
  event: string;
  code?: string;
  errorId?: string;
  errorName?: string;
  shop?: string;
  count?: number;
  ms?: number;
  detail?: string;
};

export function logEvent(level: "info" | "warn" | "error", fields: LogFields): void {
  if (process.env.LOG_LEVEL === "silent") return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), ...fields });
  process.stderr.write(`${line}\n`);
}
