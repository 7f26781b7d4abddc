/**
 * Escale's own inbound SMTP listener (an MX for SMTP_DOMAIN, no relay, no AUTH): a confirmation e-mail sent
 * to a traveller's forwarding address lands in their wallet inbox as an import preview. Each check answers
 * at the earliest command that can decide it, so a refused message is never read: MAIL FROM (a bounce, the
 * client's hourly rate), RCPT TO (an address that is not a current one, the wallet consent, the traveller's
 * senders, the address's hourly rate, a full inbox), DATA (the size, streamed and counted; the From header
 * against the traveller's senders). The message is held in memory only while it is read, never written.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import type { AppContext } from '../../context.ts';
import { StartupError } from '../../startup-error.ts';
import { readImport } from '../import/import-file.ts';
import { ImportRefused } from '../import/refusal.ts';
import { hashToken, tokenOfRecipient } from './address.ts';
import { InboxRefused, inboxRefusal, landInInbox } from './inbox.ts';
import { HourlyLimit, senderAllowed, SMTP_LIMITS } from './limits.ts';
import { forwardingByHash, type Forwarding } from './queries.ts';

export interface SmtpListener {
  port: number;
  close(): Promise<void>;
}

/** The header block is read on its own for From and Subject; beyond this it is not a header block. */
const MAX_HEADER_BYTES = 256 * 1024;

/** An SMTP reply: smtp-server answers a callback's error with its `responseCode` and message. */
const reply = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

const NO_MAILBOX = () => reply(550, '5.1.1 No such mailbox here.');

/** The header block of a message (up to the first empty line), for its From and Subject alone. */
async function headersOf(bytes: Buffer): Promise<{ from: string | null; subject: string }> {
  // The first empty line, with CRLF (as SMTP carries it) or a bare LF (as some clients send it).
  const end = [bytes.indexOf('\r\n\r\n'), bytes.indexOf('\n\n')].filter((i) => i >= 0).reduce((a, b) => Math.min(a, b), Infinity);
  const block = bytes.subarray(0, Math.min(end + 4, bytes.length, MAX_HEADER_BYTES));
  try {
    const { default: PostalMime } = await import('postal-mime');
    const mail = await PostalMime.parse(block, { maxHeadersSize: MAX_HEADER_BYTES });
    return { from: mail.from?.address ?? null, subject: (mail.subject ?? '').slice(0, 300) };
  } catch {
    return { from: null, subject: '' };
  }
}

/** Reads the data stream; keeps the bytes only while within the limit, then drains the rest without keeping it. */
function readWithin(stream: SMTPServerDataStream): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => {
      if (stream.sizeExceeded) chunks = [];
      else chunks.push(chunk);
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(stream.sizeExceeded ? null : Buffer.concat(chunks)));
  });
}

export async function startSmtpListener(ctx: AppContext, port: number): Promise<SmtpListener> {
  const { host, domain, perAddressPerHour, perClientPerHour } = ctx.config.smtp;
  const perAddress = new HourlyLimit(perAddressPerHour);
  const perClient = new HourlyLimit(perClientPerHour);
  /** The traveller each open transaction's recipient is (by session id); forgotten when the connection closes. */
  const recipients = new Map<string, Forwarding>();
  const tls = ctx.config.smtp.tls && readTls(ctx.config.smtp.tls);

  const land = async (stream: SMTPServerDataStream, session: SMTPServerSession): Promise<string> => {
    const bytes = await readWithin(stream);
    if (bytes === null) throw reply(552, `5.3.4 The message is larger than ${SMTP_LIMITS.maxMessageBytes / (1024 * 1024)} MB, the most the wallet reads; nothing was kept.`);
    const recipient = recipients.get(session.id);
    if (!recipient) throw reply(503, '5.5.1 No recipient.');
    const headers = await headersOf(bytes);
    if (recipient.allowedSenders.length > 0 && !senderAllowed(headers.from ?? '', recipient.allowedSenders))
      throw reply(550, "5.7.1 The message's From is not among the senders this address accepts.");
    let preview = null;
    let refusal = null;
    try {
      const where = await ctx.db.selectFrom('travellers').select('city_id').where('id', '=', recipient.travellerId).executeTakeFirst();
      preview = await readImport('forwarded.eml', new Uint8Array(bytes), { tripZone: ctx.cities.of(where?.city_id ?? ctx.cities.default.id).timezone });
    } catch (err) {
      // Kept as an item all the same: the traveller sees the message arrived and why nothing was read.
      if (err instanceof ImportRefused) refusal = { reason: err.code, message: err.message };
      else {
        // A reader that broke on hostile input: the message is refused like a malformed one (a 4xx would
        // have the sender retry it for days). Only the error's name is logged: its words may quote the
        // message, whose To header holds the address.
        ctx.logger.warn({ error: err instanceof Error ? err.name : typeof err }, 'a forwarded e-mail broke the importer');
        refusal = { reason: 'malformed' as const, message: 'This message could not be read.' };
      }
    }
    const envelopeSender = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
    const id = await landInInbox(ctx, { travellerId: recipient.travellerId, sender: (headers.from ?? envelopeSender).slice(0, 254), subject: headers.subject, preview, refusal });
    ctx.logger.info({ inboxItem: id, bytes: bytes.length, read: refusal === null ? 'preview' : refusal.reason }, 'a forwarded e-mail landed in a wallet inbox');
    return `2.0.0 Received: it waits in the wallet inbox (${refusal === null ? `${preview!.drafts.length} booking(s) found` : 'nothing could be read from it'}).`;
  };

  // Loaded only when the listener is on (SMTP_PORT): most instances never load smtp-server.
  const { SMTPServer } = await import('smtp-server');
  const server = new SMTPServer({
    name: domain,
    banner: 'Escale wallet inbox',
    // An MX: nobody signs in, nothing is relayed. STARTTLS only with a certificate (SMTP_TLS_*_FILE); a
    // sending server that finds none delivers in plain text, as SMTP between servers allows.
    disabledCommands: tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    ...(tls ?? {}),
    authOptional: true,
    size: SMTP_LIMITS.maxMessageBytes,
    maxClients: SMTP_LIMITS.maxConnections,
    maxRecipients: SMTP_LIMITS.maxRecipients,
    socketTimeout: SMTP_LIMITS.idleTimeoutMs,
    closeTimeout: 5_000,
    // No DNS lookup per connection: the name is not used, and a slow resolver would hold every greeting.
    disableReverseLookup: true,
    // Its own logger would write addresses (forwarding tokens) and message sizes per command: off.
    logger: false,
    onMailFrom(address, session, callback) {
      if (!address.address) return callback(reply(550, '5.7.1 Bounces are not accepted: this address only receives confirmation e-mails.'));
      if (!perClient.take(session.remoteAddress, ctx.clock.now().getTime())) return callback(reply(450, '4.7.1 Too many messages from your address; try again later.'));
      callback();
    },
    onRcptTo(address, session, callback) {
      const token = tokenOfRecipient(address.address, domain);
      if (token === null) return callback(NO_MAILBOX());
      const tokenHash = hashToken(token);
      void (async () => {
        // The same answer for an address that never existed and one rotated away: nothing to learn from it.
        const forwarding = await forwardingByHash(ctx.db, tokenHash);
        if (!forwarding) throw NO_MAILBOX();
        const envelopeSender = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        if (!senderAllowed(envelopeSender, forwarding.allowedSenders)) throw reply(550, '5.7.1 This sender is not among the senders this address accepts.');
        const refused = await inboxRefusal(ctx.db, forwarding.travellerId);
        if (refused?.reason === 'consent_off') throw reply(550, `5.7.1 ${refused.message}`);
        if (refused?.reason === 'inbox_full') throw reply(452, `4.2.2 ${refused.message}`);
        // Counted per traveller, not per token: rotating the address does not reset the count.
        if (!perAddress.take(forwarding.travellerId, ctx.clock.now().getTime())) throw reply(450, '4.2.1 This address has received too many messages; try again later.');
        recipients.set(session.id, forwarding);
      })().then(
        () => callback(),
        (err: unknown) => callback(smtpAnswerOf(ctx, err)),
      );
    },
    onData(stream, session, callback) {
      land(stream, session).then(
        (message) => callback(null, message),
        (err: unknown) => callback(smtpAnswerOf(ctx, err)),
      );
    },
    onClose(session) {
      recipients.delete(session.id);
    },
  });
  // A connection's socket error (a reset, a garbage session) is the client's problem, never the process's.
  server.on('error', (err: Error & { code?: string }) => ctx.logger.debug({ code: err.code, message: err.message }, 'SMTP connection error'));

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The certificate and key for STARTTLS, read at start: a file that cannot be read stops the start, named. */
function readTls(files: { certFile: string; keyFile: string }): { cert: Buffer; key: Buffer } {
  const read = (file: string, variable: string) => {
    try {
      return readFileSync(file);
    } catch (err) {
      throw new StartupError(`${variable}: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}); name a PEM file the server can read, or unset it to run without STARTTLS.`);
    }
  };
  return { cert: read(files.certFile, 'SMTP_TLS_CERT_FILE'), key: read(files.keyFile, 'SMTP_TLS_KEY_FILE') };
}

/** An error as the SMTP reply it becomes: ours as they are, the store failing as "try later" (counted, logged). */
function smtpAnswerOf(ctx: AppContext, err: unknown): Error {
  if (err instanceof Error && 'responseCode' in err) return err;
  if (err instanceof InboxRefused) return err.reason === 'inbox_full' ? reply(452, `4.2.2 ${err.message}`) : reply(550, `5.7.1 ${err.message}`);
  ctx.storeHealth.record(err);
  ctx.logger.error({ err }, 'a forwarded e-mail could not be stored');
  return reply(451, '4.3.0 The message could not be stored right now; try again later.');
}
