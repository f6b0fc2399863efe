/**
 * @param body - a raw response body
 * @returns the parsed JSON, or undefined when the body is not JSON
 */
export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
