import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { CSSProperties, ReactNode } from "react";
import { SignOutButton } from "@/components/sign-out-button";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";

const ShopLayoutQuery = graphql(`
  query ShopLayout($handle: String!) {
    shop(handle: $handle) {
      handle
      name
      branding { primaryColor accentColor tagline }
    }
    viewer {
      isSignedIn
      shop { handle }
      customer { displayName }
      agent { displayName }
    }
  }
`);

type Props = { children: ReactNode; params: Promise<{ shop: string }> };

export async function generateMetadata({ params }: Omit<Props, "children">): Promise<Metadata> {
  const { shop: handle } = await params;
  const { shop } = await execute(ShopLayoutQuery, { handle });
  return { title: shop ? { default: shop.name, template: `%s · ${shop.name}` } : "Not found" };
}

export default async function ShopLayout({ children, params }: Props) {
  const { shop: handle } = await params;
  const { shop, viewer } = await execute(ShopLayoutQuery, { handle });
  if (!shop) notFound();
  const isSignedInHere = viewer.isSignedIn && viewer.shop?.handle === shop.handle;
  const style = {
    "--shop-primary": shop.branding.primaryColor,
    "--shop-accent": shop.branding.accentColor,
  } as CSSProperties;
  return (
    <div style={style} className="min-h-screen">
      <header className="bg-brand text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-6 py-4">
          <div>
            <Link href={`/${shop.handle}/account/privacy`} className="text-xl font-bold tracking-tight no-underline">
              {shop.name}
            </Link>
            <p className="text-sm text-white">{shop.branding.tagline}</p>
          </div>
          <nav aria-label="Shop" className="flex flex-wrap items-center gap-4 text-sm">
            <Link href={`/${shop.handle}/privacy-policy`} className="text-white hover:underline">
              Privacy policy
            </Link>
            {isSignedInHere && viewer.agent ? (
              // Support staff: the console (never shown to customers) and their own sign-out,
              // which also ends an open support session.
              <>
                <Link href={`/${shop.handle}/support`} className="text-white hover:underline">
                  Support console
                </Link>
                <span className="text-white">Staff: {viewer.agent.displayName}</span>
                <SignOutButton shop={shop.handle} callbackUrl={`/${shop.handle}/support/sign-in?signedOut=1`} />
              </>
            ) : isSignedInHere ? (
              <>
                <Link href={`/${shop.handle}/account/privacy`} className="text-white hover:underline">
                  My account
                </Link>
                <span className="text-white">Signed in as {viewer.customer?.displayName}</span>
                <SignOutButton shop={shop.handle} />
              </>
            ) : (
              <Link
                href={`/${shop.handle}/sign-in`}
                className="rounded-md bg-white px-3 py-1.5 font-medium text-slate-900 no-underline"
              >
                Sign in
              </Link>
            )}
          </nav>
        </div>
      </header>
      {children}
      <footer className="mx-auto max-w-6xl px-6 py-10 text-sm text-slate-500">
        <Link href="/" className="hover:underline">
          All shops
        </Link>
      </footer>
    </div>
  );
}
