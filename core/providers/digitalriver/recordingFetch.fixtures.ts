/** One request a {@link recordingFetch} received. */
export interface SeenRequest {
  url: string;
  body: string;
  contentType: string | null;
  authorization: string | null;
}

/**
 * A token endpoint that answers each request in turn (the last JSON answer repeats), and records
 * what it was sent. A test fixture.
 *
 * @param answers - JSON bodies to answer with, or whole responses
 * @returns the fetch to hand the provider, and the requests it received
 */
export function recordingFetch(...answers: (unknown | Response)[]): {
  fetchFn: typeof fetch;
  requests: SeenRequest[];
} {
  const requests: SeenRequest[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push({
      url: request.url,
      body: await request.text(),
      contentType: request.headers.get('content-type'),
      authorization: request.headers.get('authorization'),
    });
    const answer = answers[Math.min(requests.length, answers.length) - 1];
    return answer instanceof Response ? answer : Response.json(answer);
  }) as typeof fetch;
  return { fetchFn, requests };
}
