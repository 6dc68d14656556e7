import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';

import pino from 'pino';

import { ReminderChannel } from '../playbook.logic';
import { LogReminderNotifier, type ReminderMessage, WebhookReminderNotifier } from '../reminder-notifier';

const message: ReminderMessage = {
  reminderId: '0190f0a0-0000-7000-8000-000000000001',
  tenantId: '0190f0a0-0000-7000-8000-000000000002',
  customerId: '0190f0a0-0000-7000-8000-000000000003',
  templateCode: 'points.expiring.v2',
  channel: ReminderChannel.EMAIL,
  address: 'private.person@example.com',
  playbookCode: 'EXPIRY',
  signalType: 'POINTS_EXPIRING',
};

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { log: pino({ level: 'debug' }, stream), text: () => lines.join('') };
}

/** A receiver on a free local port answering each request with the next status. */
async function receiver(statuses: number[]) {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = statuses.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/reminders`;
  return { url, received, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('WebhookReminderNotifier', () => {
  it('POSTs the reminder signed, retries a 5xx under the same delivery id, and never logs the address', async () => {
    const server = await receiver([503, 204]);
    try {
      const { log, text } = capture();
      const secret = 'reminder-secret-0123456789';
      const notifier = new WebhookReminderNotifier(server.url, secret, log, undefined, [0, 10]);
      expect(await notifier.send(message)).toBe(true);
      await notifier.drain();
      expect(server.received).toHaveLength(2);
      expect(server.received.map((r) => r.headers['x-loyalty-delivery'])).toEqual([
        message.reminderId,
        message.reminderId,
      ]);
      const { headers, body } = server.received[1];
      const timestamp = headers['x-loyalty-timestamp'] as string;
      const expected = createHmac('sha256', secret).update(`${timestamp}.reminder.${body}`).digest('hex');
      expect(headers['x-loyalty-signature']).toBe(`sha256=${expected}`);
      expect(JSON.parse(body)).toEqual({
        id: message.reminderId,
        tenantId: message.tenantId,
        customerId: message.customerId,
        templateCode: 'points.expiring.v2',
        channel: 'EMAIL',
        to: message.address,
        playbookCode: 'EXPIRY',
        signalType: 'POINTS_EXPIRING',
      });
      expect(text()).toContain(message.reminderId);
      expect(text()).not.toContain(message.address);
    } finally {
      await server.close();
    }
  });

  it('gives up at once on a 4xx other than 429, and says so', async () => {
    const server = await receiver([400, 200]);
    try {
      const notifier = new WebhookReminderNotifier(
        server.url,
        'reminder-secret-0123456789',
        capture().log,
        undefined,
        [0, 10],
      );
      expect(await notifier.send(message)).toBe(false);
      expect(server.received).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});

describe('LogReminderNotifier', () => {
  it('logs the reminder without the address', async () => {
    const { log, text } = capture();
    expect(await new LogReminderNotifier(log).send(message)).toBe(true);
    expect(text()).toContain('points.expiring.v2');
    expect(text()).not.toContain(message.address);
  });
});
