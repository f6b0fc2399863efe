import type { CheckoutForm } from '../../core/providers/digitalriver/checkoutForm.js';

// Characters that could end an attribute value or open markup; the values are ids and a token.
const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&#39;',
  '<': '&lt;',
  '>': '&gt;',
};
const escapeHtml = (value: string) => value.replace(/[&"'<>]/g, (c) => HTML_ESCAPES[c] ?? c);

/**
 * The headers of every document the hand-off serves.
 * - `sandbox` gives the document an opaque origin: no script of the storefront can read it, not
 *   through `window.open`'s handle and not through an iframe. The form and its one script may run.
 * - `Cross-Origin-Opener-Policy: same-origin` cuts the link to a window that opened it.
 * - `no-referrer` keeps the storefront's URL out of the hosted checkout; `no-store` keeps the
 *   document, and the token in it, out of every cache and the back-forward cache.
 * - No `form-action`: browsers apply it to the redirect too, and where `web-checkout` redirects
 *   to is Digital River's to decide.
 */
function headers(scriptSource: string): Headers {
  return new Headers({
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': `sandbox allow-forms allow-scripts; default-src 'none'; script-src ${scriptSource}; base-uri 'none'; frame-ancestors 'none'`,
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
}

/**
 * The document that takes the shopper on: a form that posts the token to `web-checkout`, and a
 * script (allowed by its nonce alone) that submits it while the document loads. A navigation
 * started before the load completes replaces this document's history entry, so going back from
 * the hosted checkout returns to the storefront, not to a page that would post again.
 *
 * @param form - the `web-checkout` form
 * @param nonce - a fresh, unguessable value for this response's one script
 * @returns the response to the hand-off navigation
 */
export function checkoutResponse(form: CheckoutForm, nonce: string): Response {
  const inputs = form.fields
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join('');
  const body =
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="referrer" content="no-referrer"><title>Checkout</title></head><body>' +
    `<form method="post" action="${escapeHtml(form.action)}">${inputs}` +
    '<noscript><button type="submit">Continue to checkout</button></noscript></form>' +
    `<script nonce="${nonce}">document.forms[0].submit()</script></body></html>`;
  return new Response(body, { status: 200, headers: headers(`'nonce-${nonce}'`) });
}

/**
 * The document shown when the hand-off cannot go ahead: the coded error, and a way back.
 *
 * @param status - the HTTP status
 * @param message - the coded, token-free message (`Code: text`)
 * @param back - where "Back to the shop" leads
 * @returns the response to the hand-off navigation
 */
export function checkoutErrorResponse(status: number, message: string, back: string): Response {
  const body =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Checkout unavailable</title>' +
    '</head><body><h1>Checkout is not available right now</h1>' +
    `<p>[sw-token-interceptor] ${escapeHtml(message)}</p>` +
    `<p><a href="${escapeHtml(back)}">Back to the shop</a></p></body></html>`;
  return new Response(body, { status, headers: headers("'none'") });
}
