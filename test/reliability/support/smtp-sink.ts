import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** Envelope sender: each capdo instance of a test is given its own MAIL_FROM, so this tells which one sent it. */
  from: string;
  to: string[];
  /** The plain-text part, decoded. */
  text: string;
  at: number;
}

/** An SMTP server in the test process that keeps every message it is given (smtp-server, a dev dependency). */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private readonly server: SMTPServer;
  port = 0;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          this.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            text: textPart(Buffer.concat(chunks).toString('utf8')),
            at: Date.now(),
          });
          callback();
        });
      },
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.server.address() as AddressInfo).port;
    return `smtp://127.0.0.1:${this.port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

// --- Just enough MIME to read the text part nodemailer wrote (RFC 2045), as test/notifications.e2e-spec.ts does. ---

function headerOf(raw: string, name: string): string {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n(?=[ \t])/g, '');
  const line = head.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? line.slice(name.length + 1).trim() : '';
}

function decodeBody(body: string, transferEncoding: string): string {
  if (/base64/i.test(transferEncoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(transferEncoding))
    return Buffer.from(
      body.replace(/=\r\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  return body;
}

function textPart(raw: string): string {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(headerOf(raw, 'content-type'))?.[1];
  if (!boundary) return '';
  for (const part of raw.split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const head = part.slice(0, split).replace(/\r\n(?=[ \t])/g, '');
    if (!/content-type:\s*text\/plain/i.test(head)) continue;
    const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(head)?.[1] ?? '7bit';
    return decodeBody(part.slice(split + 4).replace(/\r\n$/, ''), encoding).replace(/\r\n/g, '\n');
  }
  return '';
}
