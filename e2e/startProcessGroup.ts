import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';

/** A child process leading its own process group, and the one way to end it with all it started. */
export interface ProcessGroup {
  child: ChildProcess;
  /** Ends the whole group (SIGTERM, then SIGKILL if it lingers) and resolves once the leader exited. */
  stop(): Promise<void>;
}

const running = new Set<number>();
// Should the test worker itself be torn down, no group outlives it.
process.on('exit', () => {
  for (const pid of running) signal(pid, 'SIGKILL');
});

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(-pid, name);
  } catch {
    // Already gone.
  }
}

const GRACE_MS = 2000;

/**
 * Starts a command as the leader of a new process group, so that everything it starts (npx's
 * node, a driver's browser) can be ended together, wherever the test stops.
 *
 * @param command - the executable
 * @param args - its arguments
 * @param options - spawn options; `detached` is always set
 * @returns the child and its `stop()`
 */
export function startProcessGroup(
  command: string,
  args: string[],
  options: SpawnOptions = {},
): ProcessGroup {
  const child = spawn(command, args, { ...options, detached: true });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${command} could not be started`);
  running.add(pid);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    child,
    async stop() {
      signal(pid, 'SIGTERM');
      const lingering = setTimeout(() => signal(pid, 'SIGKILL'), GRACE_MS);
      await exited;
      clearTimeout(lingering);
      // The leader may be gone while others of its group still run.
      signal(pid, 'SIGKILL');
      running.delete(pid);
    },
  };
}
