import { formatTime } from "./dates";
import { browserName, dateRangeText, formatBytes, formatLabel } from "./export-options";

export type ExportItem = {
  id: string;
  format: string;
  status: string;
  progress: number;
  categories: string[];
  from?: string | null;
  to?: string | null;
  createdAt: string;
  readyAt?: string | null;
  expiresAt?: string | null;
  byteSize?: number | null;
  sha256?: string | null;
  recordsDone: number;
  recordsTotal?: number | null;
  downloadUrl?: string | null;
  failureCode?: string | null;
  downloads: { at: string; userAgent?: string | null }[];
};

type Props = {
  exports: ExportItem[];
  // Category key → label, to say what was asked for.
  categoryLabels: Record<string, string>;
};

export const isExportActive = (e: Pick<ExportItem, "status">) => e.status === "QUEUED" || e.status === "RUNNING";

// What was asked for: "Everything, all dates" or "Orders, Addresses; from 1 Jan 2025".
function requestedText(e: ExportItem, labels: Record<string, string>): string {
  const what = e.categories.length ? e.categories.map((key) => labels[key] ?? key).join(", ") : "Everything";
  return `${what}; ${dateRangeText(e.from, e.to)}`;
}

const number = (n: number) => n.toLocaleString("en-GB");

// The customer's exports, newest first: what was asked, where it stands, the link while
// it works, and every download.
export function ExportHistory({ exports, categoryLabels }: Props) {
  return (
    <ul className="space-y-4">
      {exports.map((e) => {
        const titleId = `export-${e.id}-title`;
        const requested = formatTime(e.createdAt);
        return (
          <li key={e.id}>
            <article aria-labelledby={titleId} className="rounded-lg border border-slate-200 bg-white p-5">
              <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                <h3 id={titleId} className="font-semibold">
                  {formatLabel(e.format)} · asked for on {requested}
                </h3>
                <StatusBadge status={e.status} hasLink={Boolean(e.downloadUrl)} />
              </div>
              <p className="mt-1 text-sm text-slate-600">{requestedText(e, categoryLabels)}</p>
              <ExportState item={e} requested={requested} />
              <Downloads downloads={e.downloads} />
            </article>
          </li>
        );
      })}
    </ul>
  );
}

function StatusBadge({ status, hasLink }: { status: string; hasLink: boolean }) {
  const [text, style] =
    status === "READY" && hasLink
      ? ["Ready", "bg-green-100 text-green-900"]
      : status === "READY" || status === "EXPIRED"
        ? ["Expired", "bg-slate-200 text-slate-800"]
        : status === "FAILED"
          ? ["Failed", "bg-red-100 text-red-900"]
          : status === "RUNNING"
            ? ["Being prepared", "bg-sky-100 text-sky-900"]
            : ["Waiting to start", "bg-amber-100 text-amber-900"];
  return <span className={`rounded-full px-2.5 py-0.5 text-sm font-medium ${style}`}>{text}</span>;
}

function ExportState({ item: e, requested }: { item: ExportItem; requested: string }) {
  if (isExportActive(e)) {
    const progressId = `export-${e.id}-progress`;
    const percent = e.status === "QUEUED" ? 0 : e.progress;
    return (
      <div className="mt-4">
        <label htmlFor={progressId} className="flex flex-wrap justify-between gap-2 text-sm">
          <span className="font-medium">
            {e.status === "QUEUED" ? "Waiting to start" : "Being prepared"}: {percent}%
          </span>
          {e.recordsTotal ? (
            <span className="text-slate-600">
              {number(e.recordsDone)} of {number(e.recordsTotal)} records
            </span>
          ) : null}
        </label>
        <progress
          id={progressId}
          max={100}
          value={percent}
          className="mt-1 block h-3 w-full overflow-hidden rounded-full bg-slate-200 [&::-moz-progress-bar]:bg-brand [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-brand"
        >
          {percent}%
        </progress>
        <p className="mt-2 text-sm text-slate-600">
          This page updates by itself. You can also leave: we send you an email when it is ready.
        </p>
      </div>
    );
  }
  if (e.status === "READY" && e.downloadUrl) {
    return (
      <div className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2">
        {/* A plain link: the browser follows the download, or the request for the password. */}
        <a
          href={e.downloadUrl}
          className="inline-block rounded-md bg-brand px-4 py-2 font-semibold text-white no-underline"
        >
          Download
          <span className="sr-only">
            {" "}
            the {formatLabel(e.format)} export asked for on {requested}
          </span>
        </a>
        <p className="text-sm text-slate-700">
          {e.byteSize != null && <>{formatBytes(e.byteSize)} · </>}
          {e.recordsDone ? `${number(e.recordsDone)} records · ` : ""}
          {e.expiresAt ? `available until ${formatTime(e.expiresAt)}` : null}
        </p>
        {e.sha256 && (
          <p className="w-full text-xs break-all text-slate-500">
            SHA-256 of the file, to check the download: <span className="font-mono">{e.sha256}</span>
          </p>
        )}
      </div>
    );
  }
  if (e.status === "FAILED") {
    return (
      <p className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">
        This export could not be prepared{e.failureCode ? ` (error ${e.failureCode})` : ""}. Please ask for a new one.
      </p>
    );
  }
  // Expired: either marked so, or past its link's expiry before the clean-up ran.
  return (
    <p className="mt-4 text-sm text-slate-700">
      {e.expiresAt ? `The link expired on ${formatTime(e.expiresAt)}` : "The link expired"} and the file was deleted.
      Ask for a new export if you need one.
    </p>
  );
}

function Downloads({ downloads }: { downloads: ExportItem["downloads"] }) {
  if (!downloads.length) return null;
  return (
    <div className="mt-4 border-t border-slate-200 pt-3 text-sm">
      <p className="font-medium">
        {downloads.length >= 20
          ? "Downloaded at least 20 times; the last 20:"
          : `Downloaded ${downloads.length === 1 ? "once" : `${downloads.length} times`}`}
      </p>
      <ul className="mt-1 space-y-1 text-slate-700">
        {downloads.map((d) => (
          <li key={`${d.at}-${d.userAgent ?? ""}`}>
            {formatTime(d.at)} · {browserName(d.userAgent)}
          </li>
        ))}
      </ul>
    </div>
  );
}
