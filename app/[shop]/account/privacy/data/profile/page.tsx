import type { Metadata } from "next";
import Link from "next/link";
import { profileValues } from "@/components/correction-options";
import { countryNameOf } from "@/components/countries";
import { ProfileForm } from "@/components/profile-form";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { correctProfileAction } from "./actions";

export const metadata: Metadata = { title: "Correct my details" };

const ProfilePageQuery = graphql(`
  query CorrectMyDetailsPage {
    viewer {
      shop {
        handle
        name
        policy { controllers { country } recipients { key } }
      }
      customer {
        email
        firstName
        lastName
        alias
        dateOfBirth
        gender
        hometown
        phones { kind number isPrimary }
      }
    }
  }
`);

// Replace this once changing the email address (with a confirmation) is built.
function EmailNote({ email, href }: { email: string; href: string }) {
  return (
    <p className="mt-3 text-sm text-slate-700">
      Your email address is <strong className="break-words">{email}</strong>.{" "}
      <Link href={href} className="underline">
        Change your email address
      </Link>{" "}
      (we send a confirmation link to the new address).
    </p>
  );
}

export default async function CorrectMyDetailsPage() {
  const { viewer } = await execute(ProfilePageQuery, {});
  if (!viewer.customer || !viewer.shop) return null;
  const { shop, customer } = viewer;
  const base = `/${shop.handle}/account/privacy/data`;
  const hasRecipients = shop.policy.recipients.length > 0;
  const country = shop.policy.controllers[0]?.country;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={base} className="underline">
          My data
        </Link>{" "}
        → Correct my details
      </nav>
      <header>
        <h1 className="text-3xl font-bold">Correct my details</h1>
        <p className="mt-2 text-slate-600">
          If something {shop.name} holds about you is wrong or incomplete, correct it here. Every correction is recorded
          in your account's history
          {hasRecipients ? ", and the companies that received your data from us are told about it" : ""}.
        </p>
        <EmailNote email={customer.email} href={`/${shop.handle}/account/email`} />
        <p className="mt-3 text-sm">
          <Link href={`${base}/addresses`} className="underline">
            Correct your delivery and billing addresses
          </Link>
        </p>
      </header>
      <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <ProfileForm
          action={correctProfileAction}
          initial={{
            submission: 0,
            fieldErrors: {},
            formError: null,
            outcome: null,
            hasRecipients,
            values: profileValues(customer),
          }}
          maxDateOfBirth={new Date().toISOString().slice(0, 10)}
          phoneCountry={country ? countryNameOf(country) : "the shop's country"}
        />
      </div>
    </div>
  );
}
