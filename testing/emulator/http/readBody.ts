import type { IncomingMessage } from 'node:http';
import { RequestBodyTooLarge } from './RequestBodyTooLarge.js';

/** Larger than any cart call; small enough that a runaway test cannot exhaust memory. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads a request body as bytes, never as text, so the echo routes can prove a binary upload
 * arrived byte for byte.
 *
 * @param req - the incoming request
 * @returns the whole body, empty when none was sent
 * @throws RequestBodyTooLarge when the body exceeds 1 MiB
 */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    if (size > MAX_BODY_BYTES) throw new RequestBodyTooLarge(MAX_BODY_BYTES);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}
