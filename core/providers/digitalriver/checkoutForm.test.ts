import { describe, expect, it } from 'vitest';
import { checkoutForm } from './checkoutForm.js';

describe('checkoutForm', () => {
  it('posts the token first, then the options given, to the API origin’s web-checkout', () => {
    expect(checkoutForm('https://api.example', 'T', { locale: 'de_DE', themeId: '7' })).toEqual({
      action: 'https://api.example/v1/shoppers/me/carts/active/web-checkout',
      fields: [
        ['token', 'T'],
        ['themeId', '7'],
        ['locale', 'de_DE'],
      ],
    });
  });

  it('sends only the token when no option is given', () => {
    expect(checkoutForm('https://api.example', 'T', {}).fields).toEqual([['token', 'T']]);
  });
});
