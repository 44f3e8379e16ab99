"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { PRIVACY_SECTIONS } from "./privacy-sections";

export function PrivacyNav({ shop }: { shop: string }) {
  const pathname = usePathname();
  const base = `/${shop}/account/privacy`;
  const items = [
    { href: base, label: "Overview" },
    ...PRIVACY_SECTIONS.map((s) => ({ href: `${base}/${s.slug}`, label: s.label })),
  ];
  return (
    <nav aria-label="Privacy">
      <ul className="flex gap-1 overflow-x-auto pb-2 lg:flex-col lg:overflow-visible lg:pb-0">
        {items.map((item) => {
          const isCurrent = pathname === item.href;
          return (
            <li key={item.href} className="shrink-0">
              <Link
                href={item.href}
                aria-current={isCurrent ? "page" : undefined}
                className={`block rounded-md px-3 py-2 text-sm no-underline ${
                  isCurrent ? "bg-brand font-semibold text-white" : "text-slate-700 hover:bg-slate-200"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
