import { describe, expect, it } from 'vitest';
import { readFirmlyRefusal } from './readFirmlyRefusal.js';

describe('readFirmlyRefusal', () => {
  it.each([
    ['a missing header', '{"code":401,"error":"MissingAuthHeader","description":"Missing"}'],
    ['an invalid JWT', '{"code":401,"error":"InvalidJWTToken","description":"Jwt is invalid"}'],
    [
      'an invalid token',
      '{"code":401,"error":"InvalidToken","description":"Jwt token is invalid."}',
    ],
    [
      'an expired JWT by its text',
      '{"code":401,"error":"Unauthorized","description":"Jwt is expired"}',
    ],
    [
      'an expired session by its text',
      '{"code":401,"error":"ErrorUnauthorized","description":"Session has expired or is invalid"}',
    ],
    ['the browser-session shape', '{"error":"InvalidToken","message":"Jwt token is invalid."}'],
  ])('reads %s as a refused session', (_, body) => {
    expect(readFirmlyRefusal(body)).toBe('session');
  });

  it.each([
    ['a wrong OTP', '{"code":401,"error":"InvalidOtp"}'],
    ['a wrong join password', '{"code":401,"error":"InvalidPassword","description":"Wrong"}'],
    ['a PayPal refusal', '{"code":401,"error":"PayPalAuthorizationFailed"}'],
  ])('reads %s as about something else, for the page to see', (_, body) => {
    expect(readFirmlyRefusal(body)).toBe('other');
  });

  it.each([
    ['an empty body', ''],
    ['an HTML page', '<html>401</html>'],
    ['JSON null', 'null'],
    ['no error name', '{"code":401}'],
    ['a numeric error', '{"error":401}'],
    ['ErrorUnauthorized without a cause', '{"code":401,"error":"ErrorUnauthorized"}'],
  ])('cannot tell from %s', (_, body) => {
    expect(readFirmlyRefusal(body)).toBe('unknown');
  });
});
