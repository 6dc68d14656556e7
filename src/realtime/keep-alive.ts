import type { WebSocket, WebSocketServer } from 'ws';

/** Close code for a socket over WS_MAX_CONNECTIONS_PER_KEY (4xxx: application-defined, like graphql-ws's own). */
export const CLOSE_TOO_MANY_CONNECTIONS = 4429;

/**
 * Pings every socket each interval and closes one that has not answered the previous ping: a client that
 * vanished (a till unplugged, a phone out of coverage) stops holding subscriptions within two intervals.
 */
export function keepAlive(server: WebSocketServer, intervalMs: number): () => void {
  if (intervalMs === 0) return () => undefined;
  const alive = new WeakMap<WebSocket, boolean>();
  server.on('connection', (socket: WebSocket) => {
    alive.set(socket, true);
    socket.on('pong', () => alive.set(socket, true));
  });
  const timer = setInterval(() => {
    for (const socket of server.clients) {
      if (alive.get(socket) === false) {
        socket.terminate();
        continue;
      }
      alive.set(socket, false);
      socket.ping();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
