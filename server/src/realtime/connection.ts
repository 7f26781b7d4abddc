/**
 * One WebSocket connection of a signed-in traveller: parses each frame, dispatches it to the handler for
 * its type, and answers bad input with an `error` message while keeping the connection usable. Frames are
 * handled one at a time, in order, so a location and the push it causes never overtake each other.
 */
import type { WebSocket } from 'ws';
import { PROTOCOL_VERSION, type ClientMessage, type ErrorCode } from '@escale/shared';
import type { AppContext } from '../context.ts';
import type { Position } from '../recommend/context.ts';
import { HISTORY_KINDS } from '../travellers/model.ts';
import { addInteraction, findTraveller, savePosition } from '../travellers/queries.ts';
import { sendDirect, type Hub } from './hub.ts';
import type { MessageLog } from './message-log.ts';
import { parseClientMessage } from './parse-client-message.ts';
import { pushSuggestions } from './suggestion-push.ts';

export interface RealtimeDeps {
  ctx: AppContext;
  hub: Hub;
  log: MessageLog;
  /** Latest position per traveller, shared by their tabs; only held while location consent is on. */
  positions: Map<string, Position>;
}

type Handlers = { [K in ClientMessage['type']]: (msg: Extract<ClientMessage, { type: K }>) => Promise<void> };

export function attachConnection(deps: RealtimeDeps, socket: WebSocket, travellerId: string): void {
  const { ctx, hub, log, positions } = deps;
  let greeted = false;
  let queue = Promise.resolve();

  const fail = (code: ErrorCode, message: string) => sendDirect(socket, { type: 'error', code, message });
  const loadTraveller = async () => {
    const t = await findTraveller(ctx.db, travellerId);
    if (!t) throw new Error(`traveller ${travellerId} vanished`);
    return t;
  };

  const handlers: Handlers = {
    async hello(msg) {
      if (msg.protocol !== PROTOCOL_VERSION) {
        fail('protocol_version', `This server speaks protocol ${PROTOCOL_VERSION}, the client speaks ${msg.protocol}: reload the app.`);
        socket.close(4400, 'incompatible protocol version');
        return;
      }
      const traveller = await loadTraveller();
      const now = ctx.clock.now();
      greeted = true;
      sendDirect(socket, {
        type: 'welcome',
        seq: await log.currentSeq(travellerId),
        protocol: PROTOCOL_VERSION,
        traveller: { id: traveller.id, name: traveller.name },
        now: now.toISOString(),
      });
      if (msg.lastSeq !== undefined) {
        const missed = await log.since(travellerId, msg.lastSeq, now);
        for (const m of missed ?? []) sendDirect(socket, m);
      }
    },

    async location(msg) {
      const traveller = await loadTraveller();
      if (!traveller.consents.location) {
        // Refused and not stored: with location consent off the server keeps no position at all.
        fail('consent_required', 'Location sharing is off: your position was not stored or used.');
        return;
      }
      const now = ctx.clock.now();
      const position: Position = { lat: msg.lat, lon: msg.lon, at: now };
      positions.set(travellerId, position);
      await savePosition(ctx.db, travellerId, msg, now);
      await pushSuggestions(ctx, hub, traveller, position, 'location');
    },

    async suggest_now() {
      const traveller = await loadTraveller();
      const position = traveller.consents.location ? (positions.get(travellerId) ?? null) : null;
      await pushSuggestions(ctx, hub, traveller, position, 'suggest_now');
    },

    async feedback(msg) {
      const traveller = await loadTraveller();
      if (!ctx.graph.place(msg.placeId)) {
        fail('not_found', `There is no place ${msg.placeId}.`);
        return;
      }
      if (HISTORY_KINDS.has(msg.kind) && !traveller.consents.history) {
        fail('consent_required', 'History is off: a like is not stored. "Not interested" and "Been there" still work.');
        return;
      }
      const interaction = { travellerId, placeId: msg.placeId, kind: msg.kind, at: ctx.clock.now() };
      await addInteraction(ctx.db, interaction);
      ctx.graph.addInteraction(interaction);
      await hub.publish(travellerId, { type: 'feedback_ack', placeId: msg.placeId, kind: msg.kind }, interaction.at);
      const position = traveller.consents.location ? (positions.get(travellerId) ?? null) : null;
      await pushSuggestions(ctx, hub, traveller, position, 'suggest_now');
    },
  };

  const handle = async (raw: string) => {
    const parsed = parseClientMessage(raw);
    if (!parsed.ok) return fail(parsed.code, parsed.message);
    const msg = parsed.message;
    if (!greeted && msg.type !== 'hello') return fail('bad_message', 'Send a hello message first.');
    try {
      await (handlers[msg.type] as (m: ClientMessage) => Promise<void>)(msg);
    } catch (err) {
      ctx.logger.error({ err, travellerId, type: msg.type }, 'websocket handler failed');
      fail('internal', 'Something went wrong on our side; the connection is still open.');
    }
  };

  socket.on('message', (data, isBinary) => {
    const raw = isBinary ? '' : data.toString();
    queue = queue.then(() => handle(raw));
  });
}
