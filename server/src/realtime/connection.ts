/**
 * One WebSocket connection of a signed-in traveller: parses each frame, dispatches it to the handler for
 * its type, and answers bad input with an `error` message (counted) while keeping the connection usable.
 * Frames are handled one at a time, in order, so a location and the push it causes never overtake each
 * other; a client over its message rate is answered, then closed if it keeps flooding.
 *
 * The first message must be a hello, within WS_HELLO_TIMEOUT_MS, and only one is answered per connection: a
 * hello costs a replay, and replays are what a reconnecting client is owed, not something to ask for in a
 * loop. A session that expires closes the connection (4401) at its next frame or heartbeat.
 */
import { CLOSE_CODES, PROTOCOL_VERSION, type ClientMessage, type ErrorCode, type ServerMessage } from '@escale/shared';
import type { AppContext } from '../context.ts';
import type { PushService } from '../push/push-service.ts';
import type { Position } from '../recommend/context.ts';
import { freshPosition } from '../privacy/retention.ts';
import { followToCity } from '../travellers/follow-city.ts';
import { HISTORY_KINDS } from '../travellers/model.ts';
import { addInteraction, positionWrite, removeInteraction } from '../travellers/queries.ts';
import { closeNow, type Connection, type Hub } from './hub.ts';
import type { MessageLog } from './message-log.ts';
import { Metrics } from '../metrics/metrics.ts';
import { parseClientMessage } from './parse-client-message.ts';
import { RateLimiter } from './rate-limit.ts';
import { isStoreUnreachable } from '../store/dialect.ts';
import { forgetEvents, isInsightFeedback } from '../insights/events.ts';

export interface RealtimeDeps {
  ctx: AppContext;
  hub: Hub;
  log: MessageLog;
  push: PushService;
  /** Latest position per traveller, shared by their tabs; only held while location consent is on. */
  positions: Map<string, Position>;
}

type Handlers = { [K in ClientMessage['type']]: (msg: Extract<ClientMessage, { type: K }>) => Promise<void> };

/** Whether the connection's session has ended or expired (on the server's clock); closes it if so. */
export function closeIfExpired(ctx: AppContext, c: Connection): boolean {
  if (c.ended) return true;
  if (ctx.clock.now().getTime() < c.expiresAt) return false;
  c.ended = true;
  closeNow(c.socket, CLOSE_CODES.sessionEnded, 'session expired');
  return true;
}

export function attachConnection(deps: RealtimeDeps, c: Connection): void {
  const { ctx, hub, log, positions, push } = deps;
  const { socket, travellerId, clock } = c;
  const limits = ctx.config.realtime;
  const limiter = new RateLimiter(limits.ratePerSecond, limits.rateBurst);
  let greeted = false;
  // An app opening (hello without lastSeq) has an empty feed: its first position asks for one.
  let awaitingFirstPosition = false;
  let queue = Promise.resolve();
  const send = (message: ServerMessage) => hub.send(socket, JSON.stringify(message));
  const fail = (code: ErrorCode, message: string) => {
    hub.countError(code);
    send({ type: 'error', code, message });
  };
  // A client opens the socket and says hello at once; one that has not is holding a connection for nothing.
  const helloTimer = setTimeout(() => {
    if (!greeted) closeNow(socket, CLOSE_CODES.noHello, `no hello within ${limits.helloTimeoutMs} ms`);
  }, limits.helloTimeoutMs);
  helloTimer.unref();
  socket.once('close', () => clearTimeout(helloTimer));

  // Read on every message, from memory once loaded: a consent changed by any writer invalidates it (push-cache.ts).
  const loadTraveller = async () => {
    const view = await ctx.pushCache.view(travellerId);
    if (!view) throw new Error(`traveller ${travellerId} vanished`);
    return view.traveller;
  };
  // A position past its retention is forgotten here too, not only in the store (privacy/retention.ts).
  const positionFor = (consented: boolean) => (consented ? freshPosition(positions.get(travellerId), clock.now(), ctx.config.retention.positionMs) : null);

  const handlers: Handlers = {
    async hello(msg) {
      if (greeted) {
        fail('bad_message', 'This connection already said hello; open a new connection to replay from another point.');
        return;
      }
      if (msg.protocol !== PROTOCOL_VERSION) {
        fail('protocol_version', `This server speaks protocol ${PROTOCOL_VERSION}, the client speaks ${msg.protocol}: reload the app.`);
        socket.close(CLOSE_CODES.protocolVersion, 'incompatible protocol version');
        return;
      }
      const traveller = await loadTraveller();
      greeted = true;
      clearTimeout(helloTimer);
      awaitingFirstPosition = msg.lastSeq === undefined;
      // From here until goLive, live messages for this socket are held (hub.ts): the replay comes first.
      c.phase = 'replaying';
      const { upTo, plan } = await log.replay(travellerId, msg.lastSeq, ctx.clock.now());
      send({
        type: 'welcome',
        seq: upTo,
        protocol: PROTOCOL_VERSION,
        traveller: { id: traveller.id, name: traveller.name },
        now: clock.now().toISOString(),
        replay: plan.kind,
      });
      if (plan.kind === 'replayed') {
        for await (const page of plan.pages) {
          for (const m of page) {
            await hub.sendPaced(socket, m.text);
            c.sentSeq = m.seq;
          }
        }
      } else {
        c.sentSeq = upTo;
      }
      hub.goLive(c);
      // After a reset the client drops what it showed and asks for its feed (a location, or a refresh).
    },
    async location(msg) {
      let traveller = await loadTraveller();
      if (!traveller.consents.location) {
        // Refused and not stored: with location consent off the server keeps no position at all.
        fail('consent_required', 'Location sharing is off: your position was not stored or used.');
        return;
      }
      traveller = await followToCity(ctx, traveller, msg.lat, msg.lon);
      const now = clock.now();
      const position: Position = { lat: msg.lat, lon: msg.lon, at: now };
      positions.set(travellerId, position);
      const opening = awaitingFirstPosition;
      awaitingFirstPosition = false;
      // Written with the push's own record when it causes one, on its own otherwise (both after the turn).
      await push.onLocation(traveller, position, clock, opening, positionWrite(travellerId, msg, now));
    },
    async suggest_now() {
      const traveller = await loadTraveller();
      await push.onRequest(traveller, positionFor(traveller.consents.location), clock, 'suggest_now');
    },
    async refresh() {
      const traveller = await loadTraveller();
      await push.refresh(traveller, positionFor(traveller.consents.location), clock);
    },
    async feedback(msg) {
      const traveller = await loadTraveller();
      if (!ctx.graph.place(msg.placeId)) {
        fail('not_found', `There is no place ${msg.placeId}.`);
        return;
      }
      if (HISTORY_KINDS.has(msg.kind) && !traveller.consents.history) {
        fail('consent_required', 'History is off: a like or a saved place is not stored. "Not interested" and "Been there" still work.');
        return;
      }
      const interaction = { travellerId, placeId: msg.placeId, kind: msg.kind, at: clock.now() };
      // The same feedback again is the same fact: one row and one edge, refreshed (travellers/queries.ts);
      // every instance's graph gains the edge from the change log, this one's before the feed below. A like
      // or a dismissal of a suggestion counts in the agency's insights, committed with it.
      await ctx.changes.record(
        async (trx) => {
          await addInteraction(trx, interaction);
          if (isInsightFeedback(msg.kind)) await ctx.insights.acted(trx, travellerId, msg.placeId, msg.kind);
        },
        () => [{ type: 'interaction_recorded', travellerId, placeId: msg.placeId, kind: msg.kind, at: interaction.at.toISOString() }],
      );
      await hub.publish(travellerId, { type: 'feedback_ack', placeId: msg.placeId, kind: msg.kind }, ctx.clock.now());
      // The feed follows at once (a dismissed place leaves it); feedback is not a reason to notify.
      await push.refresh(traveller, positionFor(traveller.consents.location), clock);
    },
    async feedback_undo(msg) {
      const traveller = await loadTraveller();
      const interaction = { travellerId, placeId: msg.placeId, kind: msg.kind };
      await ctx.changes.record(
        async (trx) => {
          await removeInteraction(trx, interaction);
          // As if it had never been given: in the agency's insights too.
          if (isInsightFeedback(msg.kind)) await forgetEvents(trx, travellerId, msg.kind, msg.placeId);
        },
        () => [{ type: 'interaction_removed', ...interaction }],
      );
      // Acknowledged even when there was nothing to take back: the client's state is right either way.
      await hub.publish(travellerId, { type: 'feedback_ack', placeId: msg.placeId, kind: msg.kind, undone: true }, ctx.clock.now());
      await push.refresh(traveller, positionFor(traveller.consents.location), clock);
    },
  };

  const handle = async (raw: string) => {
    if (closeIfExpired(ctx, c)) return;
    const parsed = parseClientMessage(raw);
    ctx.metrics.wsMessages.inc({ type: parsed.ok ? parsed.message.type : 'invalid' });
    if (!parsed.ok) return fail(parsed.code, parsed.message);
    const msg = parsed.message;
    const start = performance.now();
    if (!greeted && msg.type !== 'hello') return fail('bad_message', 'Send a hello message first.');
    try {
      await (handlers[msg.type] as (m: ClientMessage) => Promise<void>)(msg);
    } catch (err) {
      ctx.storeHealth.record(err);
      ctx.logger.error({ err, travellerId, type: msg.type }, 'websocket handler failed');
      if (isStoreUnreachable(err)) fail('unavailable', 'The server cannot reach its database right now; the connection is still open, try again shortly.');
      else fail('internal', 'Something went wrong on our side; the connection is still open.');
      // A hello that failed half-way through its replay cannot go live without a hole in the stream: the
      // client reconnects (1011: a server error, retried with backoff) and asks again from its last number.
      if (msg.type === 'hello' && c.phase === 'replaying') closeNow(socket, 1011, 'replay failed: reconnect');
    }
    ctx.metrics.wsHandling.observe({ type: msg.type }, Metrics.since(start));
  };

  socket.on('message', (data, isBinary) => {
    const verdict = limiter.take();
    if (verdict === 'close') {
      hub.countError('rate_limited');
      socket.close(CLOSE_CODES.rateLimited, 'message rate limit exceeded');
      return;
    }
    if (verdict === 'drop') {
      // The first dropped message of a run is answered; answering every one would amplify the flood.
      if (limiter.firstDrop) fail('rate_limited', `Too many messages: at most ${limits.ratePerSecond} per second. This one was ignored.`);
      else hub.countError('rate_limited');
      return;
    }
    if (isBinary) {
      fail('binary_frame', 'Binary frames are not accepted: send each message as JSON text.');
      return;
    }
    const raw = data.toString();
    queue = queue.then(() => handle(raw));
  });
}
