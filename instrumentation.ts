// Runs once when the server starts (see server/startup.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkStartup } = await import("./server/startup");
    checkStartup();
  }
}
