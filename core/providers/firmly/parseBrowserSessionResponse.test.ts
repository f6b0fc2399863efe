import { describe, expect, it } from 'vitest';
import { unusableTokenAnswers } from '../unusableTokenAnswers.fixtures.js';
import { parseBrowserSessionResponse } from './parseBrowserSessionResponse.js';

const ok = {
  device_created: true,
  access_token: 'eyJ.payload.sig',
  expires_in: 3600,
  expires: 1688998572,
  device_id: '82b10522-5483-4719-b599-6d78b12827f0',
};

describe('parseBrowserSessionResponse', () => {
  it('reads the documented 200 answer', () => {
    expect(parseBrowserSessionResponse(200, JSON.stringify(ok))).toEqual({
      token: 'eyJ.payload.sig',
      expiresInSeconds: 3600,
      deviceId: ok.device_id,
      deviceCreated: true,
    });
  });

  it('accepts expires_in as a numeric string and a missing device_created', () => {
    const { device_created: _, ...rest } = ok;
    expect(
      parseBrowserSessionResponse(200, JSON.stringify({ ...rest, expires_in: '3600' })),
    ).toMatchObject({
      expiresInSeconds: 3600,
      deviceCreated: false,
    });
  });

  it('maps 400 to InvalidAppId and keeps the API body for the page', () => {
    const body = '{"error":"InvalidAppId","message":"Application ID is invalid or not found"}';
    expect(() => parseBrowserSessionResponse(400, body)).toThrow(
      expect.objectContaining({ code: 'InvalidAppId', upstream: { status: 400, body } }),
    );
  });

  it.each([
    ['another error name', '{"error":"ErrorInvalidInputBody","message":"bad body"}'],
    ['no JSON', '<html>Bad Request</html>'],
  ])('maps a 400 with %s to a retryable TokenUnavailable, not InvalidAppId', (_, body) => {
    expect(() => parseBrowserSessionResponse(400, body)).toThrow(
      expect.objectContaining({ code: 'TokenUnavailable', upstream: { status: 400, body } }),
    );
  });

  it('maps 401 to TokenExpired', () => {
    const body = '{"error":"TokenExpired","message":"Token is too old to renew"}';
    expect(() => parseBrowserSessionResponse(401, body)).toThrow(
      expect.objectContaining({ code: 'TokenExpired' }),
    );
  });

  it.each([
    ...unusableTokenAnswers(ok),
    ['a 503', 503, '{"code":503,"error":"ErrorStoreUnavailable","description":"down"}'],
    ['an HTML error page', 502, '<html><body>Bad gateway</body></html>'],
    ['an empty body', 200, ''],
    ['a JSON array', 200, '[]'],
    ['a missing access_token', 200, JSON.stringify({ ...ok, access_token: undefined })],
    ['a missing expires_in', 200, JSON.stringify({ ...ok, expires_in: undefined })],
    ['a blank expires_in', 200, JSON.stringify({ ...ok, expires_in: ' ' })],
    ['a zero expires_in', 200, JSON.stringify({ ...ok, expires_in: 0 })],
    ['a missing device_id', 200, JSON.stringify({ ...ok, device_id: undefined })],
    ['a numeric device_id', 200, JSON.stringify({ ...ok, device_id: 7 })],
    ['a string device_created', 200, JSON.stringify({ ...ok, device_created: 'yes' })],
  ])('refuses %s as TokenUnavailable, never storing it', (_, status, body) => {
    expect(() => parseBrowserSessionResponse(status, body)).toThrow(
      expect.objectContaining({ code: 'TokenUnavailable' }),
    );
  });
});
