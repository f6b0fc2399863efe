import { afterEach, describe, expect, it, vi } from 'vitest';
import { StuckError, withinSeconds } from './withinSeconds';

afterEach(() => {
  vi.useRealTimers();
});

describe('a harness step with a bound', () => {
  it('gives what the step gave when it ends in time', async () => {
    await expect(withinSeconds(Promise.resolve(7), 1, 'opening the pages')).resolves.toBe(7);
  });

  it('names the stage when the step never ends', async () => {
    vi.useFakeTimers();
    const stuck = withinSeconds(new Promise(() => {}), 30, 'waiting for the workers');
    const caught = stuck.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(30_000);
    const error = await caught;
    expect(error).toBeInstanceOf(StuckError);
    expect((error as StuckError).stage).toBe('waiting for the workers');
  });
});
