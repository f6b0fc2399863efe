import { describe, expect, it } from 'vitest';
import { parseSessionTokenResponse } from './parseSessionTokenResponse.js';

describe('parseSessionTokenResponse', () => {
  it('reads a session token (no API key)', () => {
    expect(
      parseSessionTokenResponse({ session_token: '48E043145978AADB68FCBBDEB536E06C' }),
    ).toEqual({
      sessionToken: '48E043145978AADB68FCBBDEB536E06C',
    });
  });

  it('reads a token handed out directly (with an API key), flat or wrapped', () => {
    const flat = {
      access_token: 'a',
      token_type: 'bearer',
      expires_in: '86397',
      refresh_token: 'r',
    };
    const expected = { token: { token: 'a', refreshToken: 'r', expiresInSeconds: 86397 } };
    expect(parseSessionTokenResponse(flat)).toEqual(expected);
    expect(parseSessionTokenResponse({ token: flat })).toEqual(expected);
  });

  it('reads a token handed out without a refresh token', () => {
    expect(parseSessionTokenResponse({ access_token: 'a', expires_in: 5 })).toEqual({
      token: { token: 'a', expiresInSeconds: 5 },
    });
  });

  it('maps invalid_client to InvalidApiKey', () => {
    const data = {
      errors: { error: [{ code: 'invalid_client', description: 'Invalid API key' }] },
    };
    expect(() => parseSessionTokenResponse(data)).toThrow(
      expect.objectContaining({ code: 'InvalidApiKey' }),
    );
  });

  it.each([
    ['another error', { errors: { error: { code: 'server_error' } } }],
    ['an empty session token', { session_token: '' }],
    ['a numeric session token', { session_token: 5 }],
    ['nothing', undefined],
    ['a string', 'session'],
  ])('refuses %s as SessionTokenFailed', (_, data) => {
    expect(() => parseSessionTokenResponse(data)).toThrow(
      expect.objectContaining({ code: 'SessionTokenFailed' }),
    );
  });
});
