/**
 * A `vi.mock('jose', …)` factory whose `generateKeyPair` hands out one RSA pair. The prime search
 * takes up to a few hundred milliseconds per pair; a test file whose stories never compare two
 * emulators' signatures can share one and stay fast. The pair is made while the file loads, so the
 * search happens once and not inside the first story's time limit.
 *
 * @example
 * vi.mock('jose', async (actual) => (await import('./oneKeyPair.fixtures.js')).oneKeyPair(actual));
 */
export async function oneKeyPair(
  importOriginal: () => Promise<unknown>,
): Promise<typeof import('jose')> {
  const jose = (await importOriginal()) as typeof import('jose');
  const pair = await jose.generateKeyPair('RS256');
  return { ...jose, generateKeyPair: async () => pair };
}
