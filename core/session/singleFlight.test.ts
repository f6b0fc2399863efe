import { describe, expect, it } from 'vitest';
import { createSingleFlight } from './singleFlight.js';

const abortError = () => new DOMException('aborted', 'AbortError');

/** A task that runs until the test settles it, and records whether it was aborted. */
function gatedTask() {
  const state: { started: number; aborted: number; finish: (value: string) => void } = {
    started: 0,
    aborted: 0,
    finish: () => undefined,
  };
  const task = (signal: AbortSignal) =>
    new Promise<string>((resolve, reject) => {
      state.started++;
      state.finish = resolve;
      signal.addEventListener('abort', () => {
        state.aborted++;
        reject(signal.reason);
      });
    });
  return { state, task };
}

describe('a single flight', () => {
  it('runs one task for every caller that arrives while it runs', async () => {
    const flight = createSingleFlight<string, string>();
    const { state, task } = gatedTask();
    const calls = [flight.join('first', task), flight.join('second', task)];
    expect(flight.pending()).toEqual({ meta: 'first' });
    state.finish('token');
    expect(await Promise.all(calls)).toEqual(['token', 'token']);
    expect(state.started).toBe(1);
    expect(flight.pending()).toBeUndefined();
  });

  it('starts a new task once the last one settled', async () => {
    const flight = createSingleFlight<number, undefined>();
    let n = 0;
    const task = async () => ++n;
    expect(await flight.join(undefined, task)).toBe(1);
    expect(await flight.join(undefined, task)).toBe(2);
  });

  it('the last caller to abandon aborts the request', async () => {
    const flight = createSingleFlight<string, undefined>();
    const { state, task } = gatedTask();
    const a = new AbortController();
    const b = new AbortController();
    const first = flight.join(undefined, task, a.signal);
    const second = flight.join(undefined, task, b.signal);
    a.abort(abortError());
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    expect(state.aborted).toBe(0);
    b.abort(abortError());
    await expect(second).rejects.toMatchObject({ name: 'AbortError' });
    expect(state.aborted).toBe(1);
  });

  it('a task its every waiter abandoned takes no new caller: the next call starts its own', async () => {
    const flight = createSingleFlight<string, string>();
    const abandoned = gatedTask();
    const typed = new AbortController();
    const first = flight.join('typed', abandoned.task, typed.signal).catch((e: unknown) => e);
    // Search as you type: the call is aborted, and the next one is made at once, before the
    // abandoned task has settled.
    typed.abort(abortError());
    expect(flight.pending()).toBeUndefined();
    const next = gatedTask();
    const second = flight.join('next', next.task, new AbortController().signal);
    expect(flight.pending()).toEqual({ meta: 'next' });
    next.state.finish('token');
    await expect(second).resolves.toBe('token');
    expect(await first).toMatchObject({ name: 'AbortError' });
    expect([abandoned.state.aborted, next.state.started]).toEqual([1, 1]);
  });

  it('a caller that cannot abort keeps it running', async () => {
    const flight = createSingleFlight<string, undefined>();
    const { state, task } = gatedTask();
    const leaving = new AbortController();
    const left = flight.join(undefined, task, leaving.signal);
    const stays = flight.join(undefined, task);
    leaving.abort(abortError());
    await expect(left).rejects.toMatchObject({ name: 'AbortError' });
    state.finish('token');
    await expect(stays).resolves.toBe('token');
    expect(state.aborted).toBe(0);
  });

  it('refuses a caller whose signal already aborted, without starting anything', async () => {
    const flight = createSingleFlight<string, undefined>();
    const { state, task } = gatedTask();
    const gone = new AbortController();
    gone.abort(abortError());
    await expect(flight.join(undefined, task, gone.signal)).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(state.started).toBe(0);
  });

  it('hands every waiter the same failure', async () => {
    const flight = createSingleFlight<string, undefined>();
    const task = () => Promise.reject(new Error('down'));
    const results = await Promise.allSettled([
      flight.join(undefined, task),
      flight.join(undefined, task, new AbortController().signal),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
