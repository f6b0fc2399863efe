/**
 * Answers no token endpoint's parse step may accept, whichever provider: server errors, bodies
 * that are not a token object, and a valid token broken in `access_token` or `expires_in`, the
 * two fields both providers name alike. Each parser must refuse every one as `TokenUnavailable`.
 * A test fixture.
 *
 * @param valid - a token body the parser accepts, to break one field at a time
 * @returns rows of a parser's table test: label, status, body
 */
export function unusableTokenAnswers(
  valid: Record<string, unknown>,
): [label: string, status: number, body: string][] {
  const broken = (field: string, value: unknown) => JSON.stringify({ ...valid, [field]: value });
  return [
    ['a 500', 500, '{"error":"Internal"}'],
    ['a 503 HTML page', 503, '<html>down</html>'],
    ['malformed JSON', 200, '{"access_token":'],
    ['JSON null', 200, 'null'],
    ['an empty access_token', 200, broken('access_token', '')],
    ['a numeric access_token', 200, broken('access_token', 42)],
    ['a non-numeric expires_in', 200, broken('expires_in', 'soon')],
    ['a negative expires_in', 200, broken('expires_in', -5)],
  ];
}
