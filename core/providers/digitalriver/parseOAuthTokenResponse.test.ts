import { describe, expect, it } from 'vitest';
import { unusableTokenAnswers } from '../unusableTokenAnswers.fixtures.js';
import { parseOAuthTokenResponse } from './parseOAuthTokenResponse.js';

const token = {
  access_token: 'acc',
  token_type: 'bearer',
  expires_in: '86397',
  refresh_token: 'ref',
};
const drError = (code: string, description: string) =>
  JSON.stringify({ errors: { error: [{ relation: 'https://x', code, description }] } });

describe('parseOAuthTokenResponse', () => {
  it('reads the wrapped form of the password grant, expires_in as a string', () => {
    expect(parseOAuthTokenResponse(200, JSON.stringify({ token }))).toEqual({
      token: 'acc',
      refreshToken: 'ref',
      expiresInSeconds: 86397,
    });
  });

  it('reads the flat form, expires_in as a number', () => {
    expect(
      parseOAuthTokenResponse(200, JSON.stringify({ ...token, expires_in: 3599 })),
    ).toMatchObject({
      expiresInSeconds: 3599,
    });
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['empty', ''],
  ])('accepts an answer whose refresh_token is %s, as the WordPress plugin does', (_, refresh) => {
    expect(
      parseOAuthTokenResponse(200, JSON.stringify({ token: { ...token, refresh_token: refresh } })),
    ).toEqual({ token: 'acc', expiresInSeconds: 86397 });
  });

  it.each([
    [401, drError('invalid_client', 'Invalid client')],
    [401, JSON.stringify({ error: 'invalid_client', error_description: 'Bad client' })],
    [400, JSON.stringify({ error: 'invalid_client' })],
  ])(
    'maps invalid_client (%i, flat or nested) to InvalidApiKey, never TokenExpired',
    (status, body) => {
      expect(() => parseOAuthTokenResponse(status, body)).toThrow(
        expect.objectContaining({
          code: 'InvalidApiKey',
          message: expect.stringContaining('invalid_client'),
        }),
      );
    },
  );

  it('names the code of a flat error body in the TokenExpired detail', () => {
    const body = JSON.stringify({ error: 'invalid_grant', error_description: 'Session expired' });
    expect(() => parseOAuthTokenResponse(401, body)).toThrow(
      expect.objectContaining({
        code: 'TokenExpired',
        message: expect.stringContaining('401 invalid_grant'),
      }),
    );
  });

  it.each([
    [401, drError('invalid_token', 'Session expired')],
    [401, drError('invalid_token', 'Invalid token for specified shopper')],
    [400, drError('dr_limited_token_invalid', 'limited token')],
    [400, 'not json'],
  ])('maps a refused grant (%i) to TokenExpired, so SessionToken runs again', (status, body) => {
    expect(() => parseOAuthTokenResponse(status, body)).toThrow(
      expect.objectContaining({ code: 'TokenExpired' }),
    );
  });

  it.each([
    ...unusableTokenAnswers(token),
    ['a 500 with an empty object', 500, '{}'],
    ['malformed wrapped JSON', 200, '{"token":'],
    ['an empty wrapper', 200, '{"token":{}}'],
    ['a non-numeric expires_in string', 200, JSON.stringify({ ...token, expires_in: 'a day' })],
    ['a negative expires_in string', 200, JSON.stringify({ ...token, expires_in: '-1' })],
  ])('refuses %s as TokenUnavailable', (_, status, body) => {
    expect(() => parseOAuthTokenResponse(status, body)).toThrow(
      expect.objectContaining({ code: 'TokenUnavailable' }),
    );
  });
});
