import { once } from "node:events";
import net from "node:net";
import PostalMime, { type Email } from "postal-mime";
import { SMTPServer } from "smtp-server";

// A real SMTP server on 127.0.0.1 (random port) that keeps every message it accepts, so
// tests can read what nodemailer actually sent, parsed by a real MIME parser.

export type ReceivedMessage = {
  envelope: { from: string | null; to: string[] };
  raw: Buffer;
  parsed: Email;
};

export type SmtpSink = {
  url: string;
  messages: ReceivedMessage[];
  // Messages whose envelope was addressed to this address.
  to(address: string): ReceivedMessage[];
  clear(): void;
  close(): Promise<void>;
};

// rejectRecipient: addresses refused at RCPT TO with a permanent 550.
export async function startSmtpSink(
  options: { rejectRecipient?: (address: string) => boolean } = {},
): Promise<SmtpSink> {
  const messages: ReceivedMessage[] = [];
  const pending: Promise<void>[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.rejectRecipient?.(address.address)) {
        const error = Object.assign(new Error(`<${address.address}>: mailbox unavailable`), { responseCode: 550 });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        // Parsed before the 250 reply, so a message is readable once the sender returns.
        const done = PostalMime.parse(raw).then(
          (parsed) => {
            messages.push({
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
                to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              },
              raw,
              parsed,
            });
            callback();
          },
          (error: Error) => callback(error),
        );
        pending.push(done);
      });
    },
  });
  server.listen(0, "127.0.0.1");
  await once(server.server, "listening");
  const { port } = server.server.address() as net.AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    to: (address) => messages.filter((m) => m.envelope.to.includes(address.toLowerCase())),
    clear: () => {
      messages.length = 0;
    },
    close: async () => {
      await Promise.allSettled(pending);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// An SMTP URL on which nothing listens: connections are refused at once.
export async function closedSmtpUrl(): Promise<string> {
  const probe = net.createServer();
  probe.listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `smtp://127.0.0.1:${port}`;
}
