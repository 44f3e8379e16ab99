import { sourceText } from "./policy-wording";
import { type RevealAction, RevealValue } from "./reveal-value";

type Value = { field: string; value?: string | null; isMasked: boolean };
type Record = { id: string; keptUntil?: string | null; values: Value[] };
type Field = { key: string; label: string; isSensitive: boolean; source?: string };

// Where a value came from, under its label.
function Source({ source }: { source?: string }) {
  return source ? <span className="block text-xs font-normal text-slate-500">{sourceText(source)}</span> : null;
}

const date = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { dateStyle: "medium" });

// ISO timestamps read as dates for people; everything else as stored.
function display(value: string | null | undefined): string {
  if (value === null || value === undefined) return "—";
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value)) {
    return new Date(value).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  }
  return value;
}

function Cell({
  value,
  record,
  label,
  reveal,
}: {
  value?: Value;
  record: Record;
  label: string;
  reveal?: RevealAction;
}) {
  if (!value) return <span>—</span>;
  if (value.isMasked && value.value && reveal) {
    return <RevealValue masked={value.value} label={label} recordId={record.id} field={value.field} reveal={reveal} />;
  }
  return (
    <span className={value.isMasked ? "font-mono tracking-wider" : "wrap-anywhere"}>
      {display(value.value)}
      {value.isMasked && <span className="sr-only"> (hidden)</span>}
    </span>
  );
}

// One record as a definition list (an account), many as a table.
export function DataRecords({
  fields,
  records,
  caption,
  reveal,
}: {
  fields: Field[];
  records: Record[];
  caption: string;
  reveal?: RevealAction;
}) {
  if (records.length === 0) return <p className="text-sm text-slate-500">Nothing stored.</p>;
  const hasKeptUntil = records.some((r) => r.keptUntil);
  if (records.length === 1 && fields.length > 3) {
    const [record] = records;
    return (
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
        {fields.map((f) => (
          <div key={f.key} className="contents">
            <dt className="text-slate-500">
              {f.label}
              <Source source={f.source} />
            </dt>
            <dd className="min-w-0">
              <Cell
                value={record.values.find((v) => v.field === f.key)}
                record={record}
                label={f.label}
                reveal={reveal}
              />
            </dd>
          </div>
        ))}
        {record.keptUntil && (
          <>
            <dt className="text-slate-500">Kept until</dt>
            <dd>{date(record.keptUntil)}</dd>
          </>
        )}
      </dl>
    );
  }
  return (
    // Focusable so keyboard users can scroll a wide table sideways.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section tabIndex={0} aria-label={caption} className="relative overflow-x-auto rounded-md border border-slate-200">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            {fields.map((f) => (
              <th key={f.key} scope="col" className="whitespace-nowrap px-3 py-2 font-medium text-slate-600">
                {f.label}
                <Source source={f.source} />
              </th>
            ))}
            {hasKeptUntil && (
              <th scope="col" className="whitespace-nowrap px-3 py-2 font-medium text-slate-600">
                Kept until
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <tr key={r.id} className="border-t border-slate-200 align-top">
              {fields.map((f) => (
                <td key={f.key} className="max-w-xs px-3 py-2">
                  <Cell value={r.values.find((v) => v.field === f.key)} record={r} label={f.label} reveal={reveal} />
                </td>
              ))}
              {hasKeptUntil && <td className="whitespace-nowrap px-3 py-2">{r.keptUntil ? date(r.keptUntil) : "—"}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
