import { describe, expect, it } from 'vitest';
import type { RefusalKind } from '../Provider.js';
import { unreadableRefusals } from '../unreadableRefusals.fixtures.js';
import { readFirmlyRefusal } from './readFirmlyRefusal.js';

describe('readFirmlyRefusal', () => {
  // `session`: a refused session; `other`: about something else, for the page to see.
  it.each<[string, RefusalKind, string]>([
    [
      'a missing header',
      'session',
      '{"code":401,"error":"MissingAuthHeader","description":"Missing"}',
    ],
    [
      'an invalid JWT',
      'session',
      '{"code":401,"error":"InvalidJWTToken","description":"Jwt is invalid"}',
    ],
    [
      'an invalid token',
      'session',
      '{"code":401,"error":"InvalidToken","description":"Jwt token is invalid."}',
    ],
    [
      'an expired JWT by its text',
      'session',
      '{"code":401,"error":"Unauthorized","description":"Jwt is expired"}',
    ],
    [
      'an expired session by its text',
      'session',
      '{"code":401,"error":"ErrorUnauthorized","description":"Session has expired or is invalid"}',
    ],
    [
      'the browser-session shape',
      'session',
      '{"error":"InvalidToken","message":"Jwt token is invalid."}',
    ],
    ['a wrong OTP', 'other', '{"code":401,"error":"InvalidOtp"}'],
    [
      'a wrong join password',
      'other',
      '{"code":401,"error":"InvalidPassword","description":"Wrong"}',
    ],
    ['a PayPal refusal', 'other', '{"code":401,"error":"PayPalAuthorizationFailed"}'],
    ['no error name', 'unknown', '{"code":401}'],
    ['ErrorUnauthorized without a cause', 'unknown', '{"code":401,"error":"ErrorUnauthorized"}'],
    ...unreadableRefusals,
  ])('reads %s as %s', (_, kind, body) => {
    expect(readFirmlyRefusal(body)).toBe(kind);
  });
});
