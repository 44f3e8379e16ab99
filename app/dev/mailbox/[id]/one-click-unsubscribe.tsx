"use client";

import { useState } from "react";

type Result = { status: number; statusText: string; body: string } | { error: string };

// Does what a mail client does for RFC 8058 one-click unsubscribe: a POST with the body
// "List-Unsubscribe=One-Click" to the List-Unsubscribe URL, without the browser's
// cookies (a mail client has no session with the shop). Shows the HTTP answer.
export function OneClickUnsubscribe({ url }: { url: string }) {
  const [result, setResult] = useState<Result | null>(null);
  const [isSending, setIsSending] = useState(false);

  const send = async () => {
    setIsSending(true);
    try {
      const response = await fetch(url, {
        method: "POST",
        credentials: "omit",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      });
      setResult({ status: response.status, statusText: response.statusText, body: await response.text() });
    } catch (error) {
      setResult({ error: error instanceof Error ? error.message : String(error) });
    } finally {
      setIsSending(false);
    }
  };

  return (
    <div className="mt-3">
      <p className="text-sm text-slate-600">
        What a mail client&rsquo;s unsubscribe button does (RFC 8058): a POST with the body{" "}
        <code>List-Unsubscribe=One-Click</code> to the address above, without any cookie, so without being signed in.
      </p>
      <button
        type="button"
        onClick={send}
        disabled={isSending}
        className="mt-2 rounded-md bg-slate-800 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60"
      >
        {isSending ? "Sending…" : "One-click unsubscribe (as a mail client would)"}
      </button>
      <div role="status" className="mt-3">
        {result &&
          ("error" in result ? (
            <p className="text-sm text-red-700">The request failed: {result.error}</p>
          ) : (
            <div className="text-sm">
              <p className={result.status === 200 ? "font-semibold text-green-800" : "font-semibold text-red-700"}>
                HTTP {result.status}
                {result.statusText ? ` ${result.statusText}` : ""}
              </p>
              <pre className="mt-1 overflow-x-auto rounded-md bg-slate-100 p-3 text-xs whitespace-pre-wrap break-all">
                {prettyBody(result.body)}
              </pre>
            </div>
          ))}
      </div>
    </div>
  );
}

function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
