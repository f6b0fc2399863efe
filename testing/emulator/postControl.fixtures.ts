/**
 * Sets one test control over HTTP, as a browser test does: `POST /__emulator/<name>` with a JSON
 * body, from a shop's origin. A unit-test helper for both emulators.
 *
 * @param apiOrigin - the emulator's API origin
 * @param name - the control, such as `fault`, `redirect` or `cors`
 * @param body - the control's settings
 * @returns the emulator's answer: 204 when taken, 400 when the settings are refused
 */
export function postControl(apiOrigin: string, name: string, body: unknown): Promise<Response> {
  return fetch(`${apiOrigin}/__emulator/${name}`, {
    method: 'POST',
    headers: { origin: 'https://shop.example', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
