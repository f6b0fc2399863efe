import { describe, expect, it } from 'vitest';
import type { RefusalKind } from '../Provider.js';
import { unreadableRefusals } from '../unreadableRefusals.fixtures.js';
import { readDigitalRiverRefusal } from './readDigitalRiverRefusal.js';

const nested = (code: string, description: string) =>
  JSON.stringify({ errors: { error: [{ relation: 'https://x', code, description }] } });

describe('readDigitalRiverRefusal', () => {
  // `session`: a refused session; `other`: about something else, for the page to see.
  it.each<[string, RefusalKind, string]>([
    [
      'a nested invalid_token, Session expired',
      'session',
      nested('invalid_token', 'Session expired'),
    ],
    [
      'a nested invalid_token, wrong shopper',
      'session',
      nested('invalid_token', 'Invalid token for specified shopper'),
    ],
    [
      'a single nested error, not in a list',
      'session',
      '{"errors":{"error":{"code":"invalid_token"}}}',
    ],
    [
      'a flat invalid_token',
      'session',
      '{"error":"invalid_token","error_description":"Session expired"}',
    ],
    ['invalid_client', 'other', nested('invalid_client', 'Invalid client')],
    ['a flat invalid_request', 'other', '{"error":"invalid_request"}'],
    ['a payment error', 'other', nested('payment-authorization-failed', 'Declined')],
    ['an empty error list', 'unknown', '{"errors":{"error":[]}}'],
    ...unreadableRefusals,
  ])('reads %s as %s', (_, kind, body) => {
    expect(readDigitalRiverRefusal(body)).toBe(kind);
  });
});
