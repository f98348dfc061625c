/**
 * Delivers the outbox through SMTP (nodemailer, SMTP_URL). Each delivery claims its rows first
 * (db/queries/mail.ts claimMails, skipping rows another holds), so two instances never send one
 * mail twice; a failed send gives the row back with its error, up to five attempts. Without
 * SMTP_URL nothing is sent: the mails wait in the outbox an admin reads at /admin/outbox.
 */
import nodemailer, { type Transporter } from "nodemailer";
import { claimMails, markFailed, markSent } from "@/db/queries/mail";
import type { Db } from "@/db/types";
import { env } from "@/env";

let transport: Transporter | null = null;
function transporter(url: string) {
  transport ??= nodemailer.createTransport(url);
  return transport;
}

/** Sends what is waiting; returns how many were sent. `smtpUrl` for tests. */
export async function deliverOutbox(db: Db, smtpUrl = env.SMTP_URL): Promise<number> {
  if (!smtpUrl) return 0;
  const send =
    smtpUrl === env.SMTP_URL ? transporter(smtpUrl) : nodemailer.createTransport(smtpUrl);
  let sent = 0;
  for (;;) {
    const batch = await claimMails(db, 20);
    if (batch.length === 0) return sent;
    for (const mail of batch) {
      try {
        await send.sendMail({
          from: env.MAIL_FROM,
          to: mail.toEmail,
          subject: mail.subject,
          text: mail.body,
          headers: { "X-Smo-Mail": mail.dedupeKey },
        });
        await markSent(db, mail.id);
        sent++;
      } catch (error) {
        await markFailed(db, mail.id, error instanceof Error ? error.message : String(error));
      }
    }
  }
}
