/** A stage of the soak that did not end in time: the browser or the harness hung, not a call. */
export class StuckError extends Error {
  constructor(readonly stage: string) {
    super(`stuck while ${stage}`);
  }
}

/**
 * Bounds a step of the harness that has no bound of its own (a page script, a CDP command, a
 * context closing), so a stuck browser ends its round with a name instead of hanging the run.
 *
 * @param promise - the step
 * @param seconds - how long it may take
 * @param stage - what it does, for the report: "opening the pages", say
 * @returns what the step gave
 * @throws StuckError naming the stage when it takes longer
 */
export function withinSeconds<T>(promise: Promise<T>, seconds: number, stage: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StuckError(stage)), seconds * 1000);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
