/**
 * How a Digital River storefront gets a shopper's first token, as the two options of Digital
 * River's "session-aware access tokens" guide: `oauth` (the default) runs SessionToken without
 * `apiKey` and exchanges its `session_token` at `oauth20/token`; `api-key` runs SessionToken with
 * `apiKey`, which answers the token itself, one request fewer (docs/decisions/016).
 */
export type TokenVia = 'oauth' | 'api-key';
