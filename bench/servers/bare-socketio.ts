import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { listenAndAnnounce } from './announce';

/**
 * Baseline for `bench/realtime.ts`: a bare Socket.io server relaying the same events as the
 * app's gateway (`join-booking`, `send-message` → `new-message` to the room, with an ack), with
 * no authentication, validation or storage. Same payload limit as the app.
 */
const server = createServer();
const io = new Server(server, { maxHttpBufferSize: 16 * 1024, serveClient: false });

type Ack = (answer: unknown) => void;
io.on('connection', (socket) => {
  socket.on('join-booking', (payload: { bookingId: string }, ack: Ack) => {
    void socket.join(`booking:${payload.bookingId}`);
    ack({ success: true, data: { bookingId: payload.bookingId } });
  });
  socket.on('send-message', (payload: Record<string, unknown>, ack: Ack) => {
    const message = { ...payload, id: randomUUID(), createdAt: new Date().toISOString() };
    io.to(`booking:${String(payload.bookingId)}`).emit('new-message', message);
    ack({ success: true, data: message });
  });
});

listenAndAnnounce(server, async () => {
  await new Promise<void>((resolve) => {
    io.local.disconnectSockets(true);
    io.engine.close();
    resolve();
  });
});
