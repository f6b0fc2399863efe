/**
 * A `vi.mock('jose', …)` factory whose `generateKeyPair` hands out one RSA pair. The prime search
 * takes up to a few hundred milliseconds per pair; a test file whose stories never compare two
 * emulators' signatures can share one and stay fast.
 */
export async function joseWithOneKeyPair(
  importOriginal: () => Promise<unknown>,
): Promise<typeof import('jose')> {
  const jose = (await importOriginal()) as typeof import('jose');
  const pair = jose.generateKeyPair('RS256');
  return { ...jose, generateKeyPair: () => pair };
}
