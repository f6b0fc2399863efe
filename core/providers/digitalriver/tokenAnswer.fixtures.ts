/**
 * What Digital River's token endpoints answer as the docs show it: a bearer token for a day,
 * `expires_in` as a string. A test fixture.
 *
 * @param accessToken - the `access_token` handed out
 * @param refreshToken - the `refresh_token` handed out beside it
 * @returns the flat JSON body
 */
export function tokenAnswer(accessToken: string, refreshToken: string) {
  return {
    access_token: accessToken,
    token_type: 'bearer',
    expires_in: '86397',
    refresh_token: refreshToken,
  };
}
