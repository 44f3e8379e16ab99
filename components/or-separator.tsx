// "or" between two ways of doing the same thing (a form, then provider buttons): a
// heading for screen readers, a line with "or" for the eye.
export function OrSeparator({ id, label }: { id: string; label: string }) {
  return (
    <div className="flex items-center gap-3 text-sm text-slate-600">
      <span aria-hidden="true" className="h-px flex-1 bg-slate-200" />
      <h2 id={id} className="font-medium">
        <span aria-hidden="true">or</span>
        <span className="sr-only">{label}</span>
      </h2>
      <span aria-hidden="true" className="h-px flex-1 bg-slate-200" />
    </div>
  );
}
