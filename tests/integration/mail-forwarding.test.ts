/**
 * The wallet's forwarding address, end to end over real SMTP on loopback (nodemailer talking to the
 * server's own listener), on the store the project runs on (SQLite and PostgreSQL): a confirmation e-mail
 * lands in the inbox as a preview, is kept into the wallet, and is known the second time; every refusal
 * (an unknown or rotated address, a bounce, an oversized message, the wallet consent off, a sender not
 * allowed, a full inbox, a flood to one address or from one client) is answered with its SMTP code and leaves nothing stored; a garbage session does not hurt anyone.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { FORWARDING_LIMITS, type ForwardingBody, type ImportConfirmed, type InboxBody, type WalletBody } from '@escale/shared';
import { REPO_ROOT } from '../../server/src/config.ts';
import { setConsent } from '../../server/src/travellers/consents.ts';
import { newToken } from '../../server/src/wallet/forwarding/address.ts';
import { addInboxItem, purgeInbox } from '../../server/src/wallet/forwarding/queries.ts';
import { signIn, startTestServer, type TestServer, type Visitor } from '../support/test-server.ts';
import { TEST_STORE } from '../support/test-store.ts';
import { TestSocket } from '../support/ws-client.ts';

const PER_ADDRESS_PER_HOUR = 4;
const SAMPLE = readFileSync(`${REPO_ROOT}/data/samples/lea-flight-air-france.eml`);
const SAMPLE_FROM = 'confirmation@example.invalid';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { SMTP_PORT: '0', SMTP_MESSAGES_PER_ADDRESS_PER_HOUR: String(PER_ADDRESS_PER_HOUR), SMTP_MESSAGES_PER_CLIENT_PER_HOUR: '1000' } });
});
afterAll(async () => {
  await server.close();
});

const json = (cookie: string, method: string, path: string, body?: unknown) =>
  fetch(`${server.url}${path}`, { method, headers: { cookie, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const inbox = async (cookie: string) => ((await (await json(cookie, 'GET', '/api/wallet/inbox')).json()) as InboxBody).items;

/** A new visitor and the forwarding address shown to them on first asking. */
async function travellerWithAddress(): Promise<Visitor & { address: string }> {
  const visitor = await signIn(server, 'lea');
  const res = await json(visitor.cookie, 'GET', '/api/wallet/forwarding');
  expect(res.status).toBe(200);
  const body = (await res.json()) as ForwardingBody;
  expect(body).toMatchObject({ active: true, enabled: true, allowedSenders: [] });
  return { ...visitor, address: body.address! };
}

interface Sent {
  accepted: boolean;
  /** The SMTP reply code of the refusal (or 250). */
  code: number;
  response: string;
}

/** Sends a raw message over SMTP on loopback, as a mail server would deliver it. */
async function send(to: string, raw: string | Buffer = SAMPLE, from = SAMPLE_FROM, port = server.smtp!.port): Promise<Sent> {
  const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    const info = await transport.sendMail({ envelope: { from, to: [to] }, raw });
    return { accepted: info.accepted.length === 1, code: 250, response: info.response };
  } catch (err) {
    const e = err as { responseCode?: number; response?: string; message: string };
    return { accepted: false, code: e.responseCode ?? 0, response: e.response ?? e.message };
  } finally {
    transport.close();
  }
}

describe('forwarding a confirmation e-mail to the wallet', () => {
  it('lands the e-mail in the inbox as a preview, tells the open tabs, keeps it into the wallet, and knows it the second time', async () => {
    const lea = await travellerWithAddress();
    expect(lea.address).toMatch(/^[a-z2-7]{24}@in\.escale\.localhost$/);
    // Shown once: the server keeps only the token's hash.
    expect(((await (await json(lea.cookie, 'GET', '/api/wallet/forwarding')).json()) as ForwardingBody).address).toBeNull();
    const socket = await TestSocket.greeted(server.wsUrl, lea.cookie);

    const sent = await send(lea.address);
    expect(sent).toMatchObject({ accepted: true, code: 250 });
    expect(await socket.nextOfType('wallet_inbox')).toEqual({ type: 'wallet_inbox', count: 1 });
    const [item] = await inbox(lea.cookie);
    expect(item).toMatchObject({ status: 'pending', sender: SAMPLE_FROM, subject: 'Confirmation de réservation AF 347', refusal: null });
    expect(item!.preview!.drafts).toHaveLength(1);
    expect(item!.preview!.drafts[0]).toMatchObject({ kind: 'FlightReservation', title: 'AF 347 YUL → CDG', source: 'email', duplicateOf: null });

    const kept = await json(lea.cookie, 'POST', `/api/wallet/inbox/${item!.id}/confirm`, { drafts: item!.preview!.drafts });
    expect(kept.status).toBe(201);
    const { created } = (await kept.json()) as ImportConfirmed;
    expect(await socket.nextOfType('wallet_inbox')).toEqual({ type: 'wallet_inbox', count: 0 });
    const wallet = ((await (await json(lea.cookie, 'GET', '/api/wallet')).json()) as WalletBody).bookings;
    expect(wallet.map((b) => b.title)).toEqual(['AF 347 YUL → CDG']);
    expect(await inbox(lea.cookie)).toEqual([]);
    // A settled item cannot be kept again.
    expect((await json(lea.cookie, 'POST', `/api/wallet/inbox/${item!.id}/confirm`, { drafts: item!.preview!.drafts })).status).toBe(404);

    expect((await send(lea.address)).accepted).toBe(true);
    const [again] = await inbox(lea.cookie);
    expect(again!.preview!.drafts[0]!.duplicateOf).toBe(created[0]!.id);
    const twice = await json(lea.cookie, 'POST', `/api/wallet/inbox/${again!.id}/confirm`, { drafts: again!.preview!.drafts });
    expect(twice.status).toBe(200);
    expect(await twice.json()).toEqual({ created: [], duplicates: 1 });
    expect(((await (await json(lea.cookie, 'GET', '/api/wallet')).json()) as WalletBody).bookings).toHaveLength(1);
    socket.close();
  });

  it('keeps a message without any reservation as an item that says nothing was found', async () => {
    const lea = await travellerWithAddress();
    const plain = ['From: Lea <lea@example.invalid>', 'Subject: See you soon', 'Content-Type: text/plain; charset=utf-8', '', 'Just a note, no booking here.', ''].join('\r\n');
    expect((await send(lea.address, plain, 'lea@example.invalid')).accepted).toBe(true);
    const [item] = await inbox(lea.cookie);
    expect(item).toMatchObject({ subject: 'See you soon', preview: null, refusal: { reason: 'nothing_found' } });
    expect(item!.refusal!.message).toMatch(/No booking found/);
    // Dismissed, it leaves the inbox.
    expect((await json(lea.cookie, 'DELETE', `/api/wallet/inbox/${item!.id}`)).status).toBe(204);
    expect(await inbox(lea.cookie)).toEqual([]);
  });

  it.runIf(TEST_STORE === 'postgres')('tells the traveller’s tabs on another instance that a message landed', async () => {
    // A second instance on the same database, without a listener: the message lands on the first.
    const other = await startTestServer({ store: server.store });
    try {
      const lea = await travellerWithAddress();
      const socket = await TestSocket.greeted(other.wsUrl, lea.cookie);
      expect((await send(lea.address)).accepted).toBe(true);
      expect(await socket.nextOfType('wallet_inbox')).toEqual({ type: 'wallet_inbox', count: 1 });
      socket.close();
    } finally {
      await other.close();
    }
  });

  it("answers 404 for another traveller's inbox item", async () => {
    const lea = await travellerWithAddress();
    const other = await signIn(server, 'lea');
    expect((await send(lea.address)).accepted).toBe(true);
    const [item] = await inbox(lea.cookie);
    expect((await json(other.cookie, 'POST', `/api/wallet/inbox/${item!.id}/confirm`, { drafts: item!.preview!.drafts })).status).toBe(404);
    expect((await json(other.cookie, 'DELETE', `/api/wallet/inbox/${item!.id}`)).status).toBe(404);
    expect(await inbox(other.cookie)).toEqual([]);
    expect(await inbox(lea.cookie)).toHaveLength(1);
  });

  it('refuses an address that is not a current one with 550, without telling whether it ever existed', async () => {
    const lea = await travellerWithAddress();
    const rotated = await json(lea.cookie, 'POST', '/api/wallet/forwarding/rotate');
    const fresh = ((await rotated.json()) as ForwardingBody).address!;
    expect(fresh).not.toBe(lea.address);

    const old = await send(lea.address);
    const unknown = await send(`${newToken()}@in.escale.localhost`);
    expect(old).toMatchObject({ accepted: false, code: 550 });
    expect(unknown).toMatchObject({ accepted: false, code: 550 });
    expect(old.response).toBe(unknown.response);
    expect((await send('postmaster@in.escale.localhost')).code).toBe(550);
    expect((await send(fresh.replace('in.escale.localhost', 'example.com'))).code).toBe(550);
    expect(await inbox(lea.cookie)).toEqual([]);
    expect((await send(fresh)).accepted).toBe(true);
  });

  it('refuses a bounce (a null sender) with 550', async () => {
    const lea = await travellerWithAddress();
    const bounce = await send(lea.address, SAMPLE, '');
    expect(bounce).toMatchObject({ accepted: false, code: 550 });
    expect(await inbox(lea.cookie)).toEqual([]);
  });

  it('refuses a message over the size limit with 552 and keeps nothing of it', async () => {
    const lea = await travellerWithAddress();
    const line = `${'x'.repeat(998)}\r\n`;
    const huge = `From: ${SAMPLE_FROM}\r\nSubject: big\r\n\r\n${line.repeat(Math.ceil((10 * 1024 * 1024) / line.length) + 10)}`;
    const sent = await send(lea.address, huge);
    expect(sent).toMatchObject({ accepted: false, code: 552 });
    // Refused by the count as it streamed (the client declared no size up front).
    expect(sent.response).toMatch(/nothing was kept/);
    expect(await inbox(lea.cookie)).toEqual([]);
    // The connection's next message is received as usual.
    expect((await send(lea.address)).accepted).toBe(true);
  });

  it('refuses mail while the wallet consent is off and stores nothing', async () => {
    const lea = await travellerWithAddress();
    await setConsent(server.ctx, lea.travellerId, 'wallet', false);
    const sent = await send(lea.address);
    expect(sent).toMatchObject({ accepted: false, code: 550 });
    expect(sent.response).toMatch(/wallet of this address is off/);
    expect(await inbox(lea.cookie)).toEqual([]);
    // Nor can an address be made or rotated without it.
    const other = await signIn(server, 'lea');
    await setConsent(server.ctx, other.travellerId, 'wallet', false);
    expect((await json(other.cookie, 'GET', '/api/wallet/forwarding')).status).toBe(403);
    expect((await json(lea.cookie, 'POST', '/api/wallet/forwarding/rotate')).status).toBe(403);
  });

  it("accepts only the traveller's senders once they are listed, by the envelope and by the From header", async () => {
    const lea = await travellerWithAddress();
    const put = await json(lea.cookie, 'PUT', '/api/wallet/forwarding', { allowedSenders: ['example.invalid', 'Lea@Home.example'] });
    expect(put.status).toBe(200);
    expect(((await put.json()) as ForwardingBody).allowedSenders).toEqual(['example.invalid', 'lea@home.example']);
    expect((await json(lea.cookie, 'PUT', '/api/wallet/forwarding', { allowedSenders: ['not an address'] })).status).toBe(400);

    expect(await send(lea.address, SAMPLE, 'someone@elsewhere.example')).toMatchObject({ accepted: false, code: 550 });
    const spoofedFrom = SAMPLE.toString('utf8').replace(/^From: .*$/m, 'From: Someone <someone@elsewhere.example>');
    expect(await send(lea.address, spoofedFrom, 'lea@home.example')).toMatchObject({ accepted: false, code: 550 });
    expect(await inbox(lea.cookie)).toEqual([]);
    expect((await send(lea.address, SAMPLE, 'lea@home.example')).accepted).toBe(true);
    expect(await inbox(lea.cookie)).toHaveLength(1);
  });

  it('answers 450 "try later" once an address has received its hourly share', async () => {
    const lea = await travellerWithAddress();
    for (let i = 0; i < PER_ADDRESS_PER_HOUR; i++) expect((await send(lea.address)).accepted).toBe(true);
    const over = await send(lea.address);
    expect(over).toMatchObject({ accepted: false, code: 450 });
    expect(over.response).toMatch(/try again later/);
    expect(await inbox(lea.cookie)).toHaveLength(PER_ADDRESS_PER_HOUR);
  });

  it('answers 452 "try later" while the inbox is full, and stores nothing more', async () => {
    const lea = await travellerWithAddress();
    for (let i = 0; i < FORWARDING_LIMITS.maxPendingItems; i++) {
      await addInboxItem(server.ctx.db, {
        id: `full-${lea.travellerId}-${i}`,
        travellerId: lea.travellerId,
        receivedAt: server.ctx.clock.now(),
        sender: SAMPLE_FROM,
        subject: 'waiting',
        preview: null,
        refusal: { reason: 'nothing_found', message: 'No booking found.' },
      });
    }
    expect(await send(lea.address)).toMatchObject({ accepted: false, code: 452 });
    expect(await inbox(lea.cookie)).toHaveLength(FORWARDING_LIMITS.maxPendingItems);
  });

  it('answers 450 "try later" once a client address has sent its hourly share', async () => {
    const strict = await startTestServer({ env: { SMTP_PORT: '0', SMTP_MESSAGES_PER_CLIENT_PER_HOUR: '2' } });
    try {
      const unknown = `${newToken()}@in.escale.localhost`;
      // Every transaction counts, refused ones too: a client probing addresses is slowed down like a flood.
      expect((await send(unknown, SAMPLE, SAMPLE_FROM, strict.smtp!.port)).code).toBe(550);
      expect((await send(unknown, SAMPLE, SAMPLE_FROM, strict.smtp!.port)).code).toBe(550);
      const over = await send(unknown, SAMPLE, SAMPLE_FROM, strict.smtp!.port);
      expect(over).toMatchObject({ accepted: false, code: 450 });
      expect(over.response).toMatch(/try again later/);
    } finally {
      await strict.close();
    }
  });

  it('offers STARTTLS only when a certificate is configured, and receives over it', async () => {
    const plain = createTransport({ host: '127.0.0.1', port: server.smtp!.port, secure: false, requireTLS: true });
    await expect(plain.sendMail({ envelope: { from: SAMPLE_FROM, to: [`${newToken()}@in.escale.localhost`] }, raw: SAMPLE })).rejects.toThrow(/STARTTLS/);
    plain.close();

    const dir = mkdtempSync(path.join(os.tmpdir(), 'escale-smtp-tls-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const [cert, key] = [path.join(dir, 'cert.pem'), path.join(dir, 'key.pem')];
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=in.escale.localhost'], { stdio: 'ignore' });
    await expect(startTestServer({ env: { SMTP_PORT: '0', SMTP_TLS_CERT_FILE: path.join(dir, 'missing.pem'), SMTP_TLS_KEY_FILE: key } })).rejects.toThrow(/SMTP_TLS_CERT_FILE: cannot read/);
    const secured = await startTestServer({ env: { SMTP_PORT: '0', SMTP_TLS_CERT_FILE: cert, SMTP_TLS_KEY_FILE: key } });
    try {
      const visitor = await signIn(secured, 'lea');
      const { address } = (await (await fetch(`${secured.url}/api/wallet/forwarding`, { headers: { cookie: visitor.cookie } })).json()) as ForwardingBody;
      // The test's certificate is self-signed: the client is told to accept it, and to refuse plain text.
      const tls = createTransport({ host: '127.0.0.1', port: secured.smtp!.port, secure: false, requireTLS: true, tls: { rejectUnauthorized: false } });
      const info = await tls.sendMail({ envelope: { from: SAMPLE_FROM, to: [address!] }, raw: SAMPLE });
      tls.close();
      expect(info.accepted).toEqual([address]);
    } finally {
      await secured.close();
    }
  });

  it('stays up and serves the next client after a garbage session', async () => {
    const lea = await travellerWithAddress();
    const socket = net.connect(server.smtp!.port, '127.0.0.1');
    let heard = '';
    socket.on('data', (d: Buffer) => (heard += d.toString('latin1')));
    socket.on('error', () => undefined);
    await new Promise((resolve) => socket.once('data', resolve));
    socket.write('\x00\xff\xfeGARBAGE \x01\x02\r\nEHLO \r\nRCPT TO:<>\r\nDATA\r\n');
    socket.write(`${'A'.repeat(40_000)}\r\n`);
    socket.write(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    await new Promise((resolve) => setTimeout(resolve, 200));
    socket.destroy();
    expect(heard).toMatch(/^220 /);
    expect(heard).toMatch(/\n5\d\d /);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect((await send(lea.address)).accepted).toBe(true);
  });

  it('leaves no row of the address or the inbox once the traveller is erased', async () => {
    const lea = await travellerWithAddress();
    expect((await send(lea.address)).accepted).toBe(true);
    const rows = async () => [
      (await server.ctx.db.selectFrom('wallet_forwarding').select('traveller_id').where('traveller_id', '=', lea.travellerId).execute()).length,
      (await server.ctx.db.selectFrom('wallet_inbox').select('id').where('traveller_id', '=', lea.travellerId).execute()).length,
    ];
    expect(await rows()).toEqual([1, 1]);
    // Signing out ends a demo visitor, who is erased.
    expect((await json(lea.cookie, 'DELETE', '/api/session')).status).toBe(204);
    expect(await rows()).toEqual([0, 0]);
    expect((await send(lea.address)).code).toBe(550);
  });

  it('purges inbox items past their retention', async () => {
    const lea = await travellerWithAddress();
    expect((await send(lea.address)).accepted).toBe(true);
    const now = server.ctx.clock.now().getTime();
    expect(await purgeInbox(server.ctx.db, new Date(now - 14 * 86_400_000))).toBe(0);
    expect(await inbox(lea.cookie)).toHaveLength(1);
    expect(await purgeInbox(server.ctx.db, new Date(now + 1000))).toBeGreaterThanOrEqual(1);
    expect(await inbox(lea.cookie)).toEqual([]);
  });
});
