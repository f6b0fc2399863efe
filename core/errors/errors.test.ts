import { describe, expect, it } from 'vitest';
import { InterceptorError, toErrorInfo } from './errors.js';

describe('an error crossing the page/worker boundary', () => {
  const unreachable = () =>
    new InterceptorError('TokenUnavailable', 'browser-session unreachable', {
      status: 503,
      body: '{"error":"ErrorStoreUnavailable"}',
    });

  it('travels as its code and message only: the API’s answer stays behind', () => {
    const info = toErrorInfo(unreachable());
    expect(Object.keys(info).sort()).toEqual(['code', 'message']);
    expect(info).toEqual({
      code: 'TokenUnavailable',
      message: 'No session token from the API (browser-session unreachable)',
    });
  });

  it('is rebuilt on the other side with the same code and message', () => {
    const crossed = InterceptorError.fromInfo(toErrorInfo(unreachable()));
    expect(crossed).toBeInstanceOf(InterceptorError);
    expect(crossed.upstream).toBeUndefined();
    expect(crossed.toInfo()).toEqual(toErrorInfo(unreachable()));
  });

  it('turns anything uncoded into a bare TokenUnavailable, without its foreign message', () => {
    expect(toErrorInfo(new Error('GET https://api.example/?token=secret failed'))).toEqual({
      code: 'TokenUnavailable',
      message: 'No session token from the API',
    });
  });
});
