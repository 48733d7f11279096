import type { Executor } from '../db/client';
import { emails } from './schema';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/**
 * Queues an e-mail inside the caller's transaction: it is sent after commit by the e-mail worker
 * (SMTP, retried with backoff), and never sent if the transaction rolls back.
 */
export async function queueEmail(tx: Executor, message: EmailMessage): Promise<string> {
  const [row] = await tx
    .insert(emails)
    .values({ toAddress: message.to, subject: message.subject, textBody: message.text, htmlBody: message.html ?? null })
    .returning({ id: emails.id });
  return row!.id;
}
