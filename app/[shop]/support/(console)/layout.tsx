import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/sign-out-button";
import { ROLE_WORDS } from "@/components/support-wording";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";

const SupportGateQuery = graphql(`
  query SupportGate($handle: String!) {
    shop(handle: $handle) { handle name }
    viewer {
      isSignedIn
      shop { handle }
      agent { displayName role }
    }
  }
`);

type Props = { children: ReactNode; params: Promise<{ shop: string }> };

// The support console: agents of this shop only.
export default async function SupportLayout({ children, params }: Props) {
  const { shop: handle } = await params;
  const { shop, viewer } = await execute(SupportGateQuery, { handle });
  if (!shop) notFound();
  if (viewer.isSignedIn && !viewer.agent) {
    // A customer's session: say what this is rather than offer another sign-in.
    return (
      <main id="main" className="mx-auto max-w-lg px-6 py-12">
        <h1 className="text-2xl font-bold">This is for support staff</h1>
        <p className="mt-2 text-slate-600">
          The support console is for {shop.name}&apos;s support staff. Your own privacy settings are in your account.
        </p>
        <p className="mt-4">
          <Link href={`/${viewer.shop?.handle ?? shop.handle}/account/privacy`} className="font-medium underline">
            Go to my account
          </Link>
        </p>
      </main>
    );
  }
  if (!viewer.agent || viewer.shop?.handle !== shop.handle) redirect(`/${shop.handle}/support/sign-in`);
  const { agent } = viewer;
  return (
    <div className="mx-auto max-w-6xl px-6 py-8">
      <div className="flex flex-wrap items-center justify-between gap-4 rounded-lg bg-slate-900 px-4 py-3 text-white">
        <div>
          <p className="font-semibold">
            <Link href={`/${shop.handle}/support`} className="text-white no-underline hover:underline">
              Support console
            </Link>
          </p>
          <p className="text-sm text-slate-200">
            {agent.displayName} · {ROLE_WORDS[agent.role] ?? agent.role}
          </p>
        </div>
        <nav aria-label="Support console" className="flex flex-wrap items-center gap-4 text-sm">
          <Link href={`/${shop.handle}/support`} className="text-white hover:underline">
            Find a customer
          </Link>
          <Link href={`/${shop.handle}/support/requests`} className="text-white hover:underline">
            Requests
          </Link>
          {agent.role === "PRIVACY_OFFICER" && (
            <>
              <Link href={`/${shop.handle}/support/audit-log`} className="text-white hover:underline">
                Audit log
              </Link>
              <Link href={`/${shop.handle}/support/api-keys`} className="text-white hover:underline">
                API keys
              </Link>
              <Link href={`/${shop.handle}/support/webhooks`} className="text-white hover:underline">
                Webhooks
              </Link>
            </>
          )}
          <SignOutButton shop={shop.handle} callbackUrl={`/${shop.handle}/support/sign-in?signedOut=1`} />
        </nav>
      </div>
      <main id="main" className="mt-6 min-w-0">
        {children}
      </main>
    </div>
  );
}
