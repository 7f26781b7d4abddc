/** Mounts the live channel on the HTTP server: upgrade checks, connection bookkeeping, orderly shutdown. */
import type { Server } from 'node:http';
import { WebSocketServer } from 'ws';
import type { AppContext } from '../context.ts';
import type { Position } from '../recommend/context.ts';
import { attachConnection } from './connection.ts';
import { Hub } from './hub.ts';
import { MessageLog } from './message-log.ts';
import { decideUpgrade, refuseUpgrade } from './upgrade.ts';

/** Location, feedback and hello frames are tiny; 16 KiB leaves room and closes abusive frames with 1009. */
export const MAX_PAYLOAD_BYTES = 16 * 1024;

export interface RealtimeServer {
  hub: Hub;
  close(): Promise<void>;
}

export function mountRealtime(ctx: AppContext, server: Server): RealtimeServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD_BYTES, perMessageDeflate: false });
  const log = new MessageLog(ctx.db);
  const hub = new Hub(log);
  const positions = new Map<string, Position>();

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    decideUpgrade(ctx, req)
      .then((decision) => {
        if (!decision.ok) return refuseUpgrade(socket, decision.status, decision.code, decision.message);
        wss.handleUpgrade(req, socket, head, (ws) => {
          hub.add(decision.travellerId, ws);
          ws.on('close', () => hub.remove(decision.travellerId, ws));
          ws.on('error', (err) => ctx.logger.debug({ err }, 'websocket error'));
          attachConnection({ ctx, hub, log, positions }, ws, decision.travellerId);
        });
      })
      .catch((err: unknown) => {
        ctx.logger.error({ err }, 'upgrade failed');
        refuseUpgrade(socket, 500, 'internal', 'Something went wrong on our side.');
      });
  });

  return {
    hub,
    async close() {
      for (const ws of hub.allSockets()) ws.close(1001, 'server shutting down');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
