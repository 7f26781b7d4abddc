/**
 * Mounts the live channel on the HTTP server: upgrade checks, connection bookkeeping, the heartbeat that
 * reaps dead peers, the tick of the time-based push triggers, and an orderly shutdown.
 */
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { CLOSE_CODES, type ServerMessage } from '@escale/shared';
import type { CatalogueEvent } from '../catalogue/model.ts';
import type { AppContext } from '../context.ts';
import { PushService } from '../push/push-service.ts';
import type { Position } from '../recommend/context.ts';
import { attachConnection, closeIfExpired } from './connection.ts';
import { Connection, Hub } from './hub.ts';
import { freshPosition } from '../privacy/retention.ts';
import { erasedAmong } from '../travellers/erased.ts';
import { inSlices } from './in-slices.ts';
import { MessageLog } from './message-log.ts';
import { decideUpgrade, refuseUpgrade } from './upgrade.ts';
import { isStoreUnreachable } from '../store/dialect.ts';

/** Location, feedback and hello frames are tiny; 16 KiB leaves room and closes abusive frames with 1009. */
export const MAX_PAYLOAD_BYTES = 16 * 1024;
/** Travellers a push tick handles between two turns of the event loop. */
const TICK_SLICE = 8;
/** Sockets pinged between two turns of the event loop (a ping costs about 10 µs). */
const HEARTBEAT_SLICE = 64;

export interface RealtimeServer {
  hub: Hub;
  push: PushService;
  /** Latest position per connected traveller (location consent on). */
  positions: Map<string, Position>;
  /** Runs the time-based triggers once for every connected traveller (also run every PUSH_TICK_MS). */
  tick(): Promise<void>;
  /** The agency published an event: connected travellers whose stated interests it matches may hear of it. */
  publishEvent(event: CatalogueEvent): Promise<void>;
  close(): Promise<void>;
}

export function mountRealtime(ctx: AppContext, server: Server): RealtimeServer {
  const limits = ctx.config.realtime;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD_BYTES, perMessageDeflate: false });
  const log = new MessageLog(ctx.db, ctx.commitNumbered, limits.replayMaxMessages);
  const hub = new Hub(log, limits.maxBufferedBytes, ctx.relay, (err) => ctx.logger.warn({ err }, 'a socket could not be sent the messages it missed: closed to resync'));
  const push = new PushService(ctx, hub);
  const positions = new Map<string, Position>();
  const alive = new WeakSet<WebSocket>();

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    decideUpgrade(ctx, req)
      .then(async (decision) => {
        if (!decision.ok) return refuseUpgrade(socket, decision.status, decision.code, decision.message);
        const { session } = decision;
        const clock = await ctx.sessionClocks.forSession(session.id);
        // Checked and counted in the same turn as the socket joins the hub, so parallel upgrades cannot
        // slip past the cap together.
        if (hub.socketsOfSession(session.id) >= limits.maxSocketsPerSession) {
          hub.countError('too_many_sockets');
          return refuseUpgrade(socket, 429, 'rate_limited', `At most ${limits.maxSocketsPerSession} live connections per session: close another tab first.`);
        }
        wss.handleUpgrade(req, socket, head, (ws) => {
          const connection = new Connection(ws, session.travellerId, session.id, session.expiresAt.getTime(), clock);
          hub.add(connection);
          ctx.pushCache.retain(session.travellerId);
          alive.add(ws);
          ws.on('pong', () => alive.add(ws));
          ws.on('close', () => {
            hub.remove(connection);
            ctx.pushCache.release(session.travellerId);
            if (!hub.isConnected(session.travellerId)) positions.delete(session.travellerId);
          });
          ws.on('error', (err) => ctx.logger.debug({ err }, 'websocket error'));
          attachConnection({ ctx, hub, log, positions, push }, connection);
        });
      })
      .catch((err: unknown) => {
        ctx.storeHealth.record(err);
        ctx.logger.error({ err }, 'upgrade failed');
        if (isStoreUnreachable(err)) refuseUpgrade(socket, 503, 'unavailable', 'The server cannot reach its database right now; try again shortly.');
        else refuseUpgrade(socket, 500, 'internal', 'Something went wrong on our side.');
      });
  });

  const retentionMs = ctx.config.retention.positionMs;
  // A session that ends anywhere (sign-out, expiry, erasure) closes its sockets here; an erased traveller
  // leaves nothing in the channel's memory.
  const unsubscribe = [
    ctx.bus.on('session_ended', ({ sessionId, reason }) => hub.closeSession(sessionId, `session ${reason.replace('_', ' ')}`)),
    ctx.bus.on('traveller_erased', (c) => {
      const id = erasedAmong(c, new Set([...positions.keys(), ...hub.travellerIds()]));
      if (!id) return;
      positions.delete(id);
      // Their session's own ending may have been redacted from the log before this instance applied it.
      hub.closeTraveller(id, 'traveller erased');
    }),
    // A forwarded e-mail landed (or an item was settled), on whichever instance: the traveller's tabs here hear of it.
    ctx.bus.on('wallet_inbox_changed', ({ travellerId, pending }) => hub.broadcast(travellerId, JSON.stringify({ type: 'wallet_inbox', count: pending } satisfies ServerMessage))),
    // Consents, profile or ranking settings changed, on whichever instance: the traveller's open feeds here are
    // ranked again at once (a signal switched off leaves the cards now, not at the next move). Only the feed:
    // a setting changed is not a reason to notify.
    ctx.bus.on('traveller_changed', ({ travellerId }) => {
      const clock = hub.clockOf(travellerId);
      if (!clock) return;
      ctx.pushCache.invalidate(travellerId);
      void ctx.pushCache
        .view(travellerId)
        .then((view) => view && push.refresh(view.traveller, freshPosition(positions.get(travellerId), clock.now(), retentionMs), clock))
        .catch((err: unknown) => {
          ctx.storeHealth.record(err);
          ctx.logger.error({ err, travellerId }, 'the feed could not be ranked again after a change');
        });
    }),
  ];

  // Heartbeat: a socket that did not answer the previous ping is dead (a phone that lost its network
  // never sends a close), so it goes within two intervals; a socket whose session expired goes too.
  // Pinging is spread over turns of the event loop like the tick: at 10,000 connections one synchronous
  // sweep held every location for about 85 ms.
  let sweeping = false;
  const heartbeat = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    void inSlices(hub.connections(), HEARTBEAT_SLICE, (c) => {
      const ws = c.socket;
      if (ws.readyState !== ws.OPEN || closeIfExpired(ctx, c)) return;
      if (!alive.has(ws)) {
        ws.close(CLOSE_CODES.noHeartbeat, 'no heartbeat');
        ws.terminate();
        return;
      }
      alive.delete(ws);
      ws.ping();
    }).finally(() => (sweeping = false));
  }, limits.heartbeatMs);
  heartbeat.unref();

  // A tick visits every connected traveller; it gives the event loop back every few of them, so that with
  // thousands connected a location never waits for the whole tick (measured by bench:push).
  const tick = () =>
    inSlices(hub.connectedTravellers(), TICK_SLICE, async ({ travellerId, clock }) => {
      try {
        await push.onTick(travellerId, freshPosition(positions.get(travellerId), clock.now(), retentionMs), clock);
      } catch (err) {
        ctx.storeHealth.record(err);
        ctx.logger.error({ err, travellerId }, 'push tick failed');
      }
    });
  let ticking = false;
  const ticker = setInterval(() => {
    if (ticking) return; // a slow tick is never stacked on another
    ticking = true;
    void tick().finally(() => (ticking = false));
  }, limits.pushTickMs);
  ticker.unref();

  const publishEvent = async (event: CatalogueEvent) => {
    for (const { travellerId, clock } of hub.connectedTravellers()) {
      await push.onEventPublished(travellerId, event, positions.get(travellerId) ?? null, clock);
    }
  };

  return {
    hub,
    push,
    positions,
    tick,
    publishEvent,
    async close() {
      clearInterval(heartbeat);
      clearInterval(ticker);
      for (const off of unsubscribe) off();
      for (const c of hub.connections()) c.socket.close(1001, 'server shutting down');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
