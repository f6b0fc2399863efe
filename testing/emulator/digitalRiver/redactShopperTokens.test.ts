import { describe, expect, it } from 'vitest';
import { redactShopperTokens } from './redactShopperTokens.js';

const ACCESS = 'ab'.repeat(32);
const SESSION = '48E043145978AADB68FCBBDEB536E06C';

describe('redactShopperTokens', () => {
  it('hides named token fields in forms, queries and JSON, whatever their value', () => {
    expect(
      redactShopperTokens('grant_type=refresh_token&refresh_token=odd-value&format=json'),
    ).toBe('grant_type=refresh_token&refresh_token=[redacted]&format=json');
    expect(redactShopperTokens('/v1/shoppers/me?token=short&x=1')).toBe(
      '/v1/shoppers/me?token=[redacted]&x=1',
    );
    expect(redactShopperTokens('{"access_token":"a\\"b","token_type":"bearer"}')).toBe(
      '{"access_token":"[redacted]","token_type":"bearer"}',
    );
  });

  it('hides token-length hex runs anywhere, and the presented credential', () => {
    expect(redactShopperTokens(`{"copied":"${ACCESS}","s":"${SESSION}"}`)).toBe(
      '{"copied":"[redacted]","s":"[redacted]"}',
    );
    expect(redactShopperTokens('note: garbage-credential', 'garbage-credential')).toBe(
      'note: [redacted]',
    );
  });

  it('leaves ordinary text alone', () => {
    const text = '/v1/shoppers/me/carts/active/line-items/1000001?quantity=2&productId=luma-mug';
    expect(redactShopperTokens(text)).toBe(text);
  });
});
