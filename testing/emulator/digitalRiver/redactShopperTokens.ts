import { redactTokens } from '../redactTokens.js';

const MARK = '[redacted]';
// Every token the emulator issues is a run of hex: 32 digits for a session token, 64 for access
// and refresh tokens. A shorter run (a line item id, a port) is no token of ours.
const HEX_RUN = /[0-9A-Fa-f]{32,}/g;
const TOKEN_NAMES = 'access_token|refresh_token|dr_session_token|session_token|token';
// Named fields are redacted whatever their value looks like: a garbage token is a secret too.
const FORM_FIELD = new RegExp(`((?:^|[?&;\\s])(?:${TOKEN_NAMES})=)[^&;\\s]*`, 'gi');
const JSON_FIELD = new RegExp(`("(?:${TOKEN_NAMES})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi');

/**
 * Removes shopper tokens from text before the Digital River emulator keeps or shows it: the value
 * the request presented, any field named like a token (form, query or JSON), every hex run as long
 * as the emulator's tokens, and anything JWT-shaped.
 *
 * @param text - text that may hold a token (a path with its query, a body)
 * @param presented - the credential the request's `Authorization` header carried, if any
 * @returns the text with every token replaced by `[redacted]`
 * @example
 * redactShopperTokens('grant_type=refresh_token&refresh_token=abc'); // '…&refresh_token=[redacted]'
 */
export function redactShopperTokens(text: string, presented?: string): string {
  // The presented value goes first: once part of it were replaced, the rest would no longer match.
  return redactTokens(text, presented)
    .replace(FORM_FIELD, `$1${MARK}`)
    .replace(JSON_FIELD, `$1"${MARK}"`)
    .replace(HEX_RUN, MARK);
}
