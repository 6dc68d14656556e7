/**
 * The baseline for `bench:fanout`: a bare `ws` server that broadcasts one message to every client it
 * holds, at the rate it is told, stamped with its send time. No GraphQL, no database, no Redis: the
 * cost of fan-out alone on this machine. Started as a child process by scripts/bench/fanout.ts.
 */
import { type WebSocket, WebSocketServer } from 'ws';

import { wsText } from './ws-text';

const port = Number(process.argv[2] ?? 4199);
const server = new WebSocketServer({ port });
const clients = new Set<WebSocket>();

server.on('connection', (socket, request) => {
  if (request.url === '/control') {
    socket.on('message', (raw) => {
      const { rate, seconds, padding } = JSON.parse(wsText(raw)) as { rate: number; seconds: number; padding: number };
      let seq = 0;
      const filler = 'x'.repeat(padding);
      const timer = setInterval(() => {
        seq += 1;
        const message = JSON.stringify({ seq, sentAt: Date.now(), filler });
        for (const client of clients) client.send(message);
        if (seq >= rate * seconds) {
          clearInterval(timer);
          socket.send(JSON.stringify({ done: seq }));
        }
      }, 1000 / rate);
    });
    return;
  }
  clients.add(socket);
  socket.on('close', () => clients.delete(socket));
});
server.on('listening', () => process.send?.('ready'));
