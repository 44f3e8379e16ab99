type Contact = {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
  website?: string | null;
  note?: string | null;
};

export function ContactCard({ title, contact }: { title: string; contact: Contact }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <h3 className="text-sm font-semibold text-slate-500">{title}</h3>
      {contact.name && <p className="mt-1 font-medium">{contact.name}</p>}
      {contact.address && <p className="text-sm text-slate-700">{contact.address}</p>}
      {contact.email && (
        <p className="text-sm">
          <a href={`mailto:${contact.email}`} className="underline">
            {contact.email}
          </a>
        </p>
      )}
      {contact.phone && <p className="text-sm text-slate-700">{contact.phone}</p>}
      {contact.website && (
        <p className="text-sm">
          <a href={contact.website} className="underline" rel="noreferrer">
            {contact.website}
          </a>
        </p>
      )}
      {contact.note && <p className="mt-2 text-sm text-slate-600">{contact.note}</p>}
    </div>
  );
}
