import { describe, expect, it } from 'vitest';
import { checkoutErrorResponse, checkoutResponse } from './checkoutResponse.js';

const form = {
  action: 'https://api.example/v1/shoppers/me/carts/active/web-checkout',
  fields: [
    ['token', 'T"><img src=x>'],
    ['themeId', '7'],
  ] as [string, string][],
};

describe('checkoutResponse', () => {
  it('is sandboxed, cut from its opener, sends no referrer and is never stored', () => {
    const { headers } = checkoutResponse(form, 'n0nce');
    expect(headers.get('content-security-policy')).toMatch(
      /^sandbox allow-forms allow-scripts; default-src 'none'; script-src 'nonce-n0nce';/,
    );
    expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('cache-control')).toBe('no-store');
  });

  it('escapes every value, and runs only its own script', async () => {
    const html = await checkoutResponse(form, 'n0nce').text();
    expect(html).toContain('value="T&quot;&gt;&lt;img src=x&gt;"');
    expect(html).not.toContain('<img');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('<script nonce="n0nce">document.forms[0].submit()</script>');
  });
});

describe('checkoutErrorResponse', () => {
  it('runs no script and escapes the way back', async () => {
    const response = checkoutErrorResponse(503, 'TokenUnavailable: down', '/a"b');
    expect(response.status).toBe(503);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'none'");
    expect(await response.text()).toContain('href="/a&quot;b"');
  });
});
