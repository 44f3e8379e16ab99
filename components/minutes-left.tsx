"use client";

import { useEffect, useState } from "react";

function minutesUntil(iso: string, now: number): number {
  return Math.max(0, Math.ceil((new Date(iso).getTime() - now) / 60_000));
}

// "12 minutes left", counted down in the browser once a minute. Drawn first from the
// server's time so the first paint matches.
export function MinutesLeft({ expiresAt, serverNow }: { expiresAt: string; serverNow: string }) {
  const [now, setNow] = useState(() => new Date(serverNow).getTime());
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const minutes = minutesUntil(expiresAt, now);
  return <>{minutes === 0 ? "time is up" : `${minutes} minute${minutes === 1 ? "" : "s"} left`}</>;
}
