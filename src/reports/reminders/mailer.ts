import nodemailer, { type Transporter } from 'nodemailer';
import type { Address } from 'nodemailer/lib/mailer/index.js';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { MailConfig } from '../../kernel/config/env.ts';
import type { ReminderMail } from './message.ts';

/** What the mail server said about each recipient of one message. */
export type Delivery = { recipient: string; outcome: 'sent' | 'failed'; error: string | null };

const seconds = 1000;

export type Mailer = { send(recipients: string[], mail: ReminderMail): Promise<Delivery[]>; close(): void };

/** One SMTP connection setup for a batch of reminders (a round's owners, one message each). */
export function openMailer(config: MailConfig): Mailer {
  const options: SMTPTransport.Options = { url: config.smtpUrl, connectionTimeout: 15 * seconds, greetingTimeout: 15 * seconds, socketTimeout: 30 * seconds };
  const transport = nodemailer.createTransport(options);
  return { send: (recipients, mail) => send(transport, config.from, recipients, mail), close: () => transport.close() };
}

/**
 * Sends one message to an owner's recipients and reports each recipient's outcome: accepted, refused by the
 * server (with its reply), or not sent because the server could not be reached or refused the message. Never throws.
 */
async function send(transport: Transporter<SMTPTransport.SentMessageInfo>, from: string, recipients: string[], mail: ReminderMail): Promise<Delivery[]> {
  try {
    const info = await transport.sendMail({ from, to: recipients, subject: mail.subject, text: mail.text });
    const refused = new Map((info.rejectedErrors ?? []).map((e) => [String((e as { recipient?: string }).recipient ?? ''), e.message]));
    const rejected = new Set(info.rejected.map((r: string | Address) => (typeof r === 'string' ? r : r.address)));
    return recipients.map((recipient) =>
      rejected.has(recipient) ? { recipient, outcome: 'failed', error: refused.get(recipient) ?? 'メールサーバーが受け取りを拒否しました' } : { recipient, outcome: 'sent', error: null },
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return recipients.map((recipient) => ({ recipient, outcome: 'failed', error: message }));
  }
}
