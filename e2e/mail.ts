import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

/**
 * A test SMTP server for the browser journeys: the app under test sends its e-mails to it (real
 * SMTP, through the notify worker), and every message received is written as a JSON file in a
 * folder the test files read (they run in another process than the global setup).
 */
export interface Mailbox {
  url: string;
  dir: string;
  close: () => Promise<void>;
}

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  at: number;
}

function decodeQuotedPrintable(body: string): string {
  const bytes: number[] = [];
  const s = body.replace(/=\r?\n/g, '');
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(s[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeHeader(value: string): string {
  return value.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
}

/** Enough MIME for nodemailer's plain-text messages: the subject and the decoded text body. */
export function parseMail(raw: string): { subject: string; text: string } {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(body)
      : encoding === 'base64'
        ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
        : body;
  return { subject: decodeHeader(header('Subject')), text };
}

export async function startMailbox(): Promise<Mailbox> {
  const dir = mkdtempSync(path.join(tmpdir(), 'raqmana-e2e-mail-'));
  mkdirSync(dir, { recursive: true });
  let n = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const mail: ReceivedMail = {
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          ...parseMail(raw),
          at: Date.now(),
        };
        writeFileSync(path.join(dir, `${Date.now()}-${String(++n).padStart(5, '0')}.json`), JSON.stringify(mail));
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    dir,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function readMails(dir: string): ReceivedMail[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as ReceivedMail);
}

/** Waits for a message to `to` received after `since` whose text matches `pattern`; returns it. */
export async function waitForMail(
  dir: string,
  to: string,
  pattern: RegExp,
  { since = 0, timeoutMs = 20_000 }: { since?: number; timeoutMs?: number } = {},
): Promise<ReceivedMail> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const found = readMails(dir).find((m) => m.at >= since && m.to.includes(to.toLowerCase()) && pattern.test(m.text));
    if (found) return found;
    if (Date.now() > end) throw new Error(`no e-mail to ${to} matching ${pattern} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The first link of a message whose path is `pathname` (e.g. /verify-email). */
export function linkIn(mail: ReceivedMail, pathname: string): URL {
  const urls = mail.text.match(/https?:\/\/\S+/g) ?? [];
  const url = urls.map((u) => new URL(u)).find((u) => u.pathname === pathname);
  if (!url) throw new Error(`no ${pathname} link in: ${mail.text}`);
  return url;
}
