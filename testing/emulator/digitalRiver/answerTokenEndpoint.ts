import type { IncomingMessage, ServerResponse } from 'node:http';
import { headerValue } from '../http/headerValue.js';
import { sendJson } from '../http/sendJson.js';
import { DigitalRiverApiError, TOKEN_RELATION } from './DigitalRiverApiError.js';
import type { DigitalRiverCounters } from './DigitalRiverCounters.js';
import type { DigitalRiverToken, ShopperTokens } from './shopperTokens.js';

const FORM_TYPE = 'application/x-www-form-urlencoded';

/** What the token endpoint needs from the rest of the emulator. */
export interface TokenEndpoint {
  tokens: Pick<ShopperTokens, 'exchangeSessionToken' | 'refresh'>;
  apiKeys: { has(key: string): boolean };
  requireClientId: boolean;
  counters: Pick<
    DigitalRiverCounters,
    'passwordGrants' | 'refreshGrants' | 'refreshRejected' | 'clientRejected'
  >;
}

/** @returns the API key the client identified itself with, if any: Basic user name or `client_id` */
function clientIdOf(req: IncomingMessage, form: URLSearchParams): string | undefined {
  const basic = /^basic\s+(\S+)$/i.exec(headerValue(req, 'authorization')?.trim() ?? '')?.[1];
  if (basic !== undefined) {
    return Buffer.from(basic, 'base64').toString('utf8').split(':')[0] || undefined;
  }
  return form.get('client_id') ?? undefined;
}

/**
 * Answers `POST /oauth20/token`: the password grant (`dr_session_token`) in the wrapped
 * `{token}` form, the refresh grant flat with a rotated refresh token, `invalid_client` flat for
 * a client that does not identify itself, and `invalid_request` for anything else.
 *
 * @param req - the request
 * @param res - the response
 * @param url - the request's URL; its query parameters count as form parameters
 * @param raw - the request body
 * @param endpoint - the token issuer, the keys accepted and the counters
 * @throws DigitalRiverApiError 400 `invalid_request` or 401 `invalid_token`
 */
export function answerTokenEndpoint(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  raw: Buffer,
  { tokens, apiKeys, requireClientId, counters }: TokenEndpoint,
): void {
  const invalid = (text: string) =>
    new DigitalRiverApiError(400, 'invalid_request', text, TOKEN_RELATION);
  if (req.method !== 'POST') throw invalid('The token endpoint takes POST.');
  // OAuth 2.0 (RFC 6749) defines form parameters only; refusing anything else here catches a
  // client that sends JSON before a real server does. Digital River's reference shop posts
  // every parameter in the query string with no body, and that is accepted too.
  const type = headerValue(req, 'content-type')?.split(';')[0]?.trim().toLowerCase();
  const form = new URLSearchParams(url.search);
  for (const [name, value] of new URLSearchParams(raw.toString('utf8'))) form.set(name, value);
  const grantType = form.get('grant_type');
  if (grantType === 'password') counters.passwordGrants += 1;
  if (grantType === 'refresh_token') counters.refreshGrants += 1;
  if (raw.length > 0 && type !== FORM_TYPE) throw invalid(`Send the parameters as ${FORM_TYPE}.`);
  const clientId = clientIdOf(req, form);
  if (requireClientId && (clientId === undefined || !apiKeys.has(clientId))) {
    counters.clientRejected += 1;
    // The token endpoint answers errors flat, as OAuth 2.0 and Digital River's WordPress plugin
    // read them.
    res.setHeader('WWW-Authenticate', 'Basic realm="oauth20"');
    sendJson(res, 401, {
      error: 'invalid_client',
      error_description: 'Client authentication failed: send the API key.',
    });
    return;
  }
  if (grantType === 'password') {
    const offered = form.get('dr_session_token');
    if (!offered) throw invalid('dr_session_token is required.');
    sendJson(res, 200, { token: tokens.exchangeSessionToken(offered) });
    return;
  }
  if (grantType === 'refresh_token') {
    const offered = form.get('refresh_token');
    if (!offered) throw invalid('refresh_token is required.');
    let token: DigitalRiverToken;
    try {
      token = tokens.refresh(offered);
    } catch (error) {
      counters.refreshRejected += 1;
      throw error;
    }
    sendJson(res, 200, token);
    return;
  }
  throw invalid('grant_type must be password or refresh_token.');
}
