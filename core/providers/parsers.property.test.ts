import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ErrorCode, InterceptorError } from '../errors/errors.js';
import { parseApiKeySessionTokenResponse } from './digitalriver/parseApiKeySessionTokenResponse.js';
import { parseOAuthTokenResponse } from './digitalriver/parseOAuthTokenResponse.js';
import { parseSessionTokenResponse } from './digitalriver/parseSessionTokenResponse.js';
import { parseBrowserSessionResponse } from './firmly/parseBrowserSessionResponse.js';

// A fixed seed: the same few thousand cases on every run, so a failure is reproducible.
const RUNS = { seed: 20261129, numRuns: 3000 };
const CODES = new Set<string>(Object.values(ErrorCode));

/** Values in the places a token answer has fields, of every type and size. */
const anyValue = fc.oneof(
  fc.string(),
  fc.constantFrom('', ' ', '3600', '-1', '1e309', 'NaN', '86397'),
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -1, Number.MAX_SAFE_INTEGER, 1e308),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
);
const tokenShaped = fc.record(
  {
    access_token: anyValue,
    refresh_token: anyValue,
    expires_in: anyValue,
    expires: anyValue,
    device_id: anyValue,
    device_created: anyValue,
    session_token: anyValue,
    token_type: anyValue,
  },
  { requiredKeys: [] },
);
const json = fc.oneof(
  tokenShaped,
  tokenShaped.map((token) => ({ token })),
  fc.jsonValue(),
);
const body = fc.oneof(
  json.map((value) => JSON.stringify(value) ?? ''),
  fc.string(),
  fc.constantFrom('', '<html><body>502</body></html>', '{"access_token":', 'null'),
);
const status = fc.oneof(
  fc.constantFrom(200, 400, 401, 403, 404, 500, 502, 503),
  fc.integer({ min: 100, max: 599 }),
);

/** Runs a parser: it returns a well-formed result or throws a coded error, nothing else. */
function judged<T>(parse: () => T, isValid: (result: T) => boolean): void {
  let result: T;
  try {
    result = parse();
  } catch (error) {
    expect(error).toBeInstanceOf(InterceptorError);
    expect(CODES.has((error as InterceptorError).code)).toBe(true);
    return;
  }
  expect(isValid(result)).toBe(true);
}

const nonEmpty = (value: unknown) => typeof value === 'string' && value.length > 0;
const lifetime = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) && value > 0;

/** A grant the session may use: a token, a device, a lifetime, and whether the device is new. */
const validGrant = (grant: ReturnType<typeof parseBrowserSessionResponse>) =>
  nonEmpty(grant.token) &&
  nonEmpty(grant.deviceId) &&
  lifetime(grant.expiresInSeconds) &&
  typeof grant.deviceCreated === 'boolean';

/** A Digital River token the session may use: a token, a refresh token if any, a lifetime. */
const validToken = (token: ReturnType<typeof parseOAuthTokenResponse>) =>
  nonEmpty(token.token) &&
  (token.refreshToken === undefined || nonEmpty(token.refreshToken)) &&
  lifetime(token.expiresInSeconds);

describe('token-response parsers (property-based)', () => {
  it.each([
    [
      'Firmly browser-session: a valid grant',
      (s: number, b: string) => judged(() => parseBrowserSessionResponse(s, b), validGrant),
    ],
    [
      'Digital River oauth20/token: a valid token',
      (s: number, b: string) => judged(() => parseOAuthTokenResponse(s, b), validToken),
    ],
  ])('%s or a coded error, for any status and body', (_, check) => {
    fc.assert(fc.property(status, body, check), RUNS);
  });

  it('Digital River SessionToken: a session token, a valid token, or a coded error, for any payload', () => {
    fc.assert(
      fc.property(fc.oneof(json, fc.anything()), (data) =>
        judged(
          () => parseSessionTokenResponse(data),
          (result) =>
            'sessionToken' in result ? nonEmpty(result.sessionToken) : validToken(result.token),
        ),
      ),
      RUNS,
    );
  });

  it('Digital River SessionToken with apiKey: a valid token or a coded error, for any payload', () => {
    fc.assert(
      fc.property(fc.oneof(json, fc.anything()), (data) =>
        judged(() => parseApiKeySessionTokenResponse(data), validToken),
      ),
      RUNS,
    );
  });
});
