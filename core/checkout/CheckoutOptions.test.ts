import { describe, expect, it } from 'vitest';
import { readCheckoutOptions } from './CheckoutOptions.js';

describe('readCheckoutOptions', () => {
  it('reads the theme and the locale a storefront passes on', () => {
    expect(readCheckoutOptions(new URLSearchParams('themeId=4321&locale=en_US'))).toEqual({
      themeId: '4321',
      locale: 'en_US',
    });
  });

  it('passes on nothing it was not given, and ignores other parameters', () => {
    expect(readCheckoutOptions(new URLSearchParams('token=abc&productId=1'))).toEqual({});
  });

  it.each([
    ['themeId=', 'themeId'],
    ['themeId=%22%3E%3Cscript%3E', 'themeId'],
    ['locale=en US', 'locale'],
    [`locale=${'x'.repeat(65)}`, 'locale'],
  ])('refuses %s with ConfigInvalid naming %s', (query, name) => {
    expect(() => readCheckoutOptions(new URLSearchParams(query))).toThrow(
      expect.objectContaining({ code: 'ConfigInvalid', message: expect.stringContaining(name) }),
    );
  });
});
