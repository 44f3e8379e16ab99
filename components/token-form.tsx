// The one button of a page opened from an emailed link: a POST that carries the link's
// token. Opening the link alone changes nothing, since mail scanners and link previews
// open links too.
type Props = {
  token: string;
  // The form action from useActionState, and whether it is running.
  action: (form: FormData) => void;
  isPending: boolean;
  label: string;
  pendingLabel: string;
  // "danger" for an irreversible step (deleting the account).
  tone?: "brand" | "danger";
};

const TONES = {
  brand: "bg-brand px-4",
  danger: "bg-red-700 px-5 hover:bg-red-800",
};

export function TokenForm({ token, action, isPending, label, pendingLabel, tone = "brand" }: Props) {
  return (
    <form action={action} className="mt-6">
      <input type="hidden" name="token" value={token} />
      <button
        type="submit"
        disabled={isPending}
        className={`rounded-md py-2.5 font-semibold text-white disabled:opacity-60 ${TONES[tone]}`}
      >
        {isPending ? pendingLabel : label}
      </button>
    </form>
  );
}
