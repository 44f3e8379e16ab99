import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-xl px-6 py-24 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-slate-500">404</p>
      <h1 className="mt-2 text-3xl font-bold">Page not found</h1>
      <p className="mt-4 text-slate-600">
        There is no shop or page at this address. Check the link, or start from the list of shops.
      </p>
      <Link href="/" className="mt-8 inline-block rounded-md bg-slate-900 px-4 py-2 font-medium text-white">
        All shops
      </Link>
    </main>
  );
}
