"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

// A granted restriction (GDPR Art. 18): the data is kept but not used. The overview and
// the Requests page say it in full; every other privacy page has the short line.

export const RESTRICTION_TITLE = "The use of your data is restricted";

// What a restriction means for the customer.
const MEANING =
  "We keep your data but no longer use it for marketing, profiling or sharing with partners. You can still see and download it, and delete your account.";

// `since` is the day in words, formatted on the server (components/dates.ts), so the
// browser draws the same text.
export function RestrictionBanner({ since, requestsHref }: { since: string; requestsHref?: string }) {
  return (
    <section
      aria-labelledby="restriction-title"
      className="rounded-lg border-2 border-amber-700 bg-amber-50 px-5 py-4 text-amber-950"
    >
      <h2 id="restriction-title" className="text-lg font-semibold">
        {RESTRICTION_TITLE}
      </h2>
      <p className="mt-1">
        Since {since}. {MEANING}
      </p>
      {requestsHref && (
        <p className="mt-2">
          <Link href={requestsHref} className="font-medium underline">
            See your requests
          </Link>
        </p>
      )}
    </section>
  );
}

// The short line on every privacy page but the two that show the banner in full.
export function RestrictionNotice({ shop, since }: { shop: string; since: string | null }) {
  const pathname = usePathname();
  const base = `/${shop}/account/privacy`;
  if (!since || pathname === base || pathname.startsWith(`${base}/requests`)) return null;
  return (
    <section
      aria-label="Restricted use of your data"
      className="mt-4 rounded-lg border-2 border-amber-700 bg-amber-50 px-4 py-3 text-amber-950"
    >
      <p>
        <strong>
          {RESTRICTION_TITLE} since {since}.
        </strong>{" "}
        We keep it but do not use it for marketing, profiling or partners.{" "}
        <Link href={`${base}/requests`} className="font-medium underline">
          Your requests
        </Link>
      </p>
    </section>
  );
}
