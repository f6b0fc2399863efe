import { moveClock } from './moveClock.js';

/** An API emulator whose clock a test sets. */
interface ClockedApi {
  setNow(now: () => number): void;
}

/**
 * Moves time forward for everyone in a story at once: the page and its worker (served from
 * `movableClockDist`) and each API emulator named, so a token expires for both sides alike.
 *
 * @param page - the shop's page
 * @param ms - how far to move
 * @param apis - the emulators whose clocks move along
 */
export async function passTime(
  page: Parameters<typeof moveClock>[0],
  ms: number,
  ...apis: ClockedApi[]
): Promise<void> {
  await moveClock(page, ms);
  for (const api of apis) api.setNow(() => Date.now() + ms);
}
