import { describe, expect, it } from 'vitest';
import { browserSessionRequest } from './browserSessionRequest.js';

describe('browserSessionRequest', () => {
  it('is credentialed, so a fsession_v2 cookie the API set keeps the device', async () => {
    const seen: Request[] = [];
    const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(new Request(input, init));
      return new Response('{}');
    }) as typeof fetch;
    await browserSessionRequest(fetchFn, 'https://api.example', 'app');
    await browserSessionRequest(fetchFn, 'https://api.example', 'app', 'old-token');
    expect(seen.map((request) => request.credentials)).toEqual(['include', 'include']);
    expect(seen[0]?.headers.get('x-firmly-app-id')).toBe('app');
    expect(await seen[1]?.text()).toBe('{"access_token":"old-token"}');
  });
});
