import { describe, expect, it } from 'vitest';
import { readDigitalRiverRefusal } from './readDigitalRiverRefusal.js';

const nested = (code: string, description: string) =>
  JSON.stringify({ errors: { error: [{ relation: 'https://x', code, description }] } });

describe('readDigitalRiverRefusal', () => {
  it.each([
    ['a nested invalid_token, Session expired', nested('invalid_token', 'Session expired')],
    [
      'a nested invalid_token, wrong shopper',
      nested('invalid_token', 'Invalid token for specified shopper'),
    ],
    ['a single nested error, not in a list', '{"errors":{"error":{"code":"invalid_token"}}}'],
    ['a flat invalid_token', '{"error":"invalid_token","error_description":"Session expired"}'],
  ])('reads %s as a refused session', (_, body) => {
    expect(readDigitalRiverRefusal(body)).toBe('session');
  });

  it.each([
    ['invalid_client', nested('invalid_client', 'Invalid client')],
    ['a flat invalid_request', '{"error":"invalid_request"}'],
    ['a payment error', nested('payment-authorization-failed', 'Declined')],
  ])('reads %s as about something else', (_, body) => {
    expect(readDigitalRiverRefusal(body)).toBe('other');
  });

  it.each([
    ['an empty body', ''],
    ['an HTML page', '<html>401</html>'],
    ['JSON null', 'null'],
    ['an empty error list', '{"errors":{"error":[]}}'],
    ['a numeric code', '{"error":401}'],
  ])('cannot tell from %s', (_, body) => {
    expect(readDigitalRiverRefusal(body)).toBe('unknown');
  });
});
