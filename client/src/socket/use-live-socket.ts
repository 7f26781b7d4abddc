/** Opens the app's WebSocket while a traveller is signed in and forwards its events to React. */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ServerMessage } from '@escale/shared';
import { type ConnectionStatus, type LiveSocket, connectSocket, socketUrl } from './socket.ts';

interface Handlers {
  onMessage(message: ServerMessage): void;
  onStatus(status: ConnectionStatus): void;
}

export function useLiveSocket(handlers: Handlers): LiveSocket | null {
  const [socket, setSocket] = useState<LiveSocket | null>(null);
  // Handlers change on every render; the socket must not reconnect because of that.
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const live = connectSocket(socketUrl(window.location));
    latest.current.onStatus(live.status());
    const offStatus = live.onStatus((status) => latest.current.onStatus(status));
    const offMessage = live.onMessage((message) => latest.current.onMessage(message));
    setSocket(live);
    return () => {
      offStatus();
      offMessage();
      live.close();
      setSocket(null);
    };
  }, []);

  return socket;
}
