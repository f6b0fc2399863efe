import { describe, expect, it } from 'vitest';
import { codedErrorResponse } from './codedErrorResponse.js';
import { ErrorCode, InterceptorError } from './errors.js';

const message = 'No session token from the API';

describe('our own answer to a call that could not be completed', () => {
  it("reads as Firmly's error shape, and ours", async () => {
    const response = codedErrorResponse(
      'firmly',
      new InterceptorError(ErrorCode.TokenUnavailable),
      503,
    );
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      code: 503,
      error: 'TokenUnavailable',
      description: message,
      message,
    });
  });

  it("reads as Digital River's error shape, and ours", async () => {
    const response = codedErrorResponse(
      'digitalriver',
      new InterceptorError(ErrorCode.TokenUnavailable),
      503,
    );
    expect(await response.json()).toEqual({
      error: 'TokenUnavailable',
      message,
      errors: { error: [{ code: 'TokenUnavailable', description: message }] },
    });
  });

  it('passes on how long the API asked us to wait', () => {
    const error = new InterceptorError(ErrorCode.TokenUnavailable, undefined, {
      status: 429,
      body: '',
      retryAfterMs: 1500,
    });
    expect(codedErrorResponse('firmly', error, 503).headers.get('retry-after')).toBe('2');
  });
});
