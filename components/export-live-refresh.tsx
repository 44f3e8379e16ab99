"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useTransition } from "react";

type Props = {
  // An export is queued or running: keep the page fresh.
  isActive: boolean;
  // Where the newest export stands, in words; read out politely when it changes.
  message: string;
};

const EVERY_MS = 1000;

// Refreshes the page's server data about once a second while an export is being
// prepared (the next refresh waits for the last one), and stops when none is.
export function ExportLiveRefresh({ isActive, message }: Props) {
  const router = useRouter();
  const [isRefreshing, startTransition] = useTransition();
  const isBusy = useRef(false);

  useEffect(() => {
    isBusy.current = isRefreshing;
  }, [isRefreshing]);

  useEffect(() => {
    if (!isActive) return;
    const timer = setInterval(() => {
      if (!isBusy.current) startTransition(() => router.refresh());
    }, EVERY_MS);
    return () => clearInterval(timer);
  }, [isActive, router]);

  return (
    <p role="status" aria-live="polite" className="sr-only">
      {message}
    </p>
  );
}
