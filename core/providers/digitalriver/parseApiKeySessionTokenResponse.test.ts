import { describe, expect, it } from 'vitest';
import { unusableTokenAnswers } from '../unusableTokenAnswers.fixtures.js';
import { parseApiKeySessionTokenResponse } from './parseApiKeySessionTokenResponse.js';

// The answer as Digital River's guide shows it for SessionToken with an API key.
const token = {
  access_token: 'acc',
  token_type: 'bearer',
  expires_in: '86397',
  refresh_token: 'ref',
};
const nested = (code: string) => ({
  errors: { error: [{ relation: 'https://x', code, description: 'Invalid API key' }] },
});
/** What a JSONP callback is handed for a body: the value, or the text when it is not JSON. */
const handed = (body: string): unknown => {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
};

describe('parseApiKeySessionTokenResponse', () => {
  it('reads the flat token the docs show, expires_in as a string', () => {
    expect(parseApiKeySessionTokenResponse(token)).toEqual({
      token: 'acc',
      refreshToken: 'ref',
      expiresInSeconds: 86397,
    });
  });

  it.each([
    ['wrapped in token, as oauth20/token answers', { token }],
    ['expires_in as a number', { ...token, expires_in: 86397 }],
    ['token_type capitalised', { ...token, token_type: 'Bearer' }],
    ['no token_type', { ...token, token_type: undefined }],
  ])('reads a token %s', (_, data) => {
    expect(parseApiKeySessionTokenResponse(data)).toMatchObject({
      token: 'acc',
      expiresInSeconds: 86397,
    });
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['empty', ''],
  ])(
    'reads a token whose refresh_token is %s: renewal then runs SessionToken again',
    (_, value) => {
      expect(parseApiKeySessionTokenResponse({ ...token, refresh_token: value })).toEqual({
        token: 'acc',
        expiresInSeconds: 86397,
      });
    },
  );

  it.each([
    ['nested, as the store answers a wrong key', nested('invalid_client')],
    ['flat', { error: 'invalid_client', error_description: 'Bad client' }],
  ])('maps invalid_client (%s) to InvalidApiKey, naming data-api-key', (_, data) => {
    expect(() => parseApiKeySessionTokenResponse(data)).toThrow(
      expect.objectContaining({
        code: 'InvalidApiKey',
        message: expect.stringContaining('data-api-key'),
      }),
    );
  });

  it('refuses a session token, which would need the exchange this mode saves', () => {
    expect(() => parseApiKeySessionTokenResponse({ session_token: 'S1' })).toThrow(
      expect.objectContaining({
        code: 'SessionTokenFailed',
        message: expect.stringContaining('answered a session_token, not a token'),
      }),
    );
  });

  it.each<[string, unknown]>([
    ...unusableTokenAnswers(token).map(([label, , body]): [string, unknown] => [
      label,
      handed(body),
    ]),
    ['another error, nested', nested('server_error')],
    ['another error, flat', { error: 'invalid_request' }],
    ['an error beside a token', { ...token, error: 'server_error' }],
    ['a session token beside a broken token', { session_token: 'S1', access_token: '' }],
    ['nothing', undefined],
    ['null', null],
    ['a string', 'acc'],
    ['a number', 86397],
    ['a list', [token]],
    ['an empty object', {}],
    ['an empty wrapper', { token: {} }],
    ['a null wrapper', { token: null }],
    ['a missing access_token', { ...token, access_token: undefined }],
    ['a null access_token', { ...token, access_token: null }],
    ['an access_token object', { ...token, access_token: { value: 'acc' } }],
    ['a missing expires_in', { ...token, expires_in: undefined }],
    ['a null expires_in', { ...token, expires_in: null }],
    ['an empty expires_in', { ...token, expires_in: '' }],
    ['a blank expires_in', { ...token, expires_in: ' ' }],
    ['a zero expires_in', { ...token, expires_in: '0' }],
    ['an expires_in with a unit', { ...token, expires_in: '86397s' }],
    ['an infinite expires_in', { ...token, expires_in: '1e309' }],
    ['a boolean expires_in', { ...token, expires_in: true }],
    ['a numeric refresh_token', { ...token, refresh_token: 5 }],
    ['a refresh_token object', { ...token, refresh_token: { value: 'ref' } }],
    ['a mac token', { ...token, token_type: 'mac' }],
    ['a numeric token_type', { ...token, token_type: 1 }],
    ['a wrapped mac token', { token: { ...token, token_type: 'mac' } }],
  ])('refuses %s as SessionTokenFailed', (_, data) => {
    expect(() => parseApiKeySessionTokenResponse(data)).toThrow(
      expect.objectContaining({ code: 'SessionTokenFailed' }),
    );
  });
});
