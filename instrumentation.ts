// Runs once when the server starts (see server/startup.ts), then starts the background
// job worker (server/jobs): exports, their retention, mail retries.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkStartup } = await import("./server/startup");
    checkStartup();
    // The client address every request carries (never the client's own X-Forwarded-For
    // unless TRUSTED_PROXIES names the proxy that wrote it).
    const { installClientAddressHeader } = await import("./server/auth/client-address");
    await installClientAddressHeader();
    if (process.env.NEXT_PHASE !== "phase-production-build") {
      const { startBackgroundJobs } = await import("./server/jobs/start");
      await startBackgroundJobs();
    }
  }
}
