import { describe, expect, it } from 'vitest';
import { InterceptorError, LostRequestError, toErrorInfo } from './errors.js';

describe('a token request that got no answer', () => {
  const lost = () => new LostRequestError('browser-session unreachable');
  const plain = () => new InterceptorError('TokenUnavailable', 'browser-session unreachable');

  it('reaches the page as any TokenUnavailable: only its code and message travel', () => {
    const info = toErrorInfo(lost());
    expect(Object.keys(info).sort()).toEqual(['code', 'message']);
    expect(info).toEqual(toErrorInfo(plain()));
    expect(info).toEqual({
      code: 'TokenUnavailable',
      message: 'No session token from the API (browser-session unreachable)',
    });
  });

  it('carries no field of its own, so the in-page fallback hands the page nothing more', () => {
    const error = lost();
    expect(error).toBeInstanceOf(InterceptorError);
    expect(error.name).toBe('InterceptorError');
    expect(Object.keys(error).sort()).toEqual(Object.keys(plain()).sort());
    expect(JSON.stringify(error)).toBe(JSON.stringify(plain()));
  });

  it('is not marked any more once it has crossed to the other side', () => {
    const crossed = InterceptorError.fromInfo(toErrorInfo(lost()));
    expect(crossed).not.toBeInstanceOf(LostRequestError);
    expect(crossed.toInfo()).toEqual(toErrorInfo(lost()));
  });
});
