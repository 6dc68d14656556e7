import { createHmac } from 'node:crypto';
import { Writable } from 'node:stream';

import pino from 'pino';

import {
  type ContactCodeMessage,
  contactWebhookSignature,
  LogContactNotifier,
  type Post,
  WebhookContactNotifier,
} from '../contact-notifier';
import { ContactKind } from '../contact-verification.logic';

const message: ContactCodeMessage = {
  verificationId: '0190f0a0-0000-7000-8000-000000000001',
  tenantId: '0190f0a0-0000-7000-8000-000000000002',
  customerId: '0190f0a0-0000-7000-8000-000000000003',
  kind: ContactKind.EMAIL,
  address: 'secret.person@example.com',
  code: '492817',
  expiresAt: new Date('2026-12-02T04:00:00Z'),
};

function capture(level: string) {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { log: pino({ level }, stream), text: () => lines.join('') };
}

describe('LogContactNotifier', () => {
  it('logs that a code was issued without the code or the address at info level', () => {
    const { log, text } = capture('info');
    new LogContactNotifier(log, true).send(message);
    expect(text()).toContain(message.verificationId);
    expect(text()).not.toContain(message.code);
    expect(text()).not.toContain(message.address);
  });

  it('shows the code to a developer at debug level, never in production', () => {
    const dev = capture('debug');
    new LogContactNotifier(dev.log, true).send(message);
    expect(dev.text()).toContain(message.code);
    const prod = capture('debug');
    new LogContactNotifier(prod.log, false).send(message);
    expect(prod.text()).not.toContain(message.code);
    expect(prod.text()).not.toContain(message.address);
  });
});

describe('WebhookContactNotifier', () => {
  it('posts the code signed, retries a failure with the same delivery id, and logs neither code nor address', async () => {
    const calls: { headers: Record<string, string>; body: string }[] = [];
    const statuses = [503, 200];
    const post: Post = (_url, init) => {
      calls.push({ headers: init.headers, body: init.body });
      const status = statuses.shift()!;
      return Promise.resolve({ ok: status < 300, status });
    };
    const { log, text } = capture('debug');
    const secret = 'webhook-secret-0123456789';
    const notifier = new WebhookContactNotifier('https://sender.example/codes', secret, log, post, [0, 1]);
    notifier.send(message);
    await notifier.drain();
    expect(calls).toHaveLength(2);
    expect(new Set(calls.map((call) => call.headers['x-loyalty-delivery']))).toEqual(new Set([message.verificationId]));
    const { headers, body } = calls[1];
    const expected = createHmac('sha256', secret)
      .update(`${headers['x-loyalty-timestamp']}.contact-code.${body}`)
      .digest('hex');
    expect(headers['x-loyalty-signature']).toBe(`sha256=${expected}`);
    expect(contactWebhookSignature(secret, headers['x-loyalty-timestamp'], body)).toBe(`sha256=${expected}`);
    expect(JSON.parse(body)).toMatchObject({ id: message.verificationId, to: message.address, code: message.code });
    expect(text()).not.toContain(message.code);
    expect(text()).not.toContain(message.address);
  });
});
