import { parseArgs } from 'node:util';

/** How hard and how long the soak runs; every field has a default. */
export interface SoakOptions {
  /** Rounds per setup; the setups alternate, ours first. */
  rounds: number;
  /** How long each round's calls are spread over. */
  seconds: number;
  /** Calls per round, across every tab. */
  calls: number;
  /** Tabs per provider in each round. */
  tabs: number;
  /** The lifetime of every token the emulators issue to our worker. */
  lifetime: number;
  /** The mean time between two stops of every worker. */
  stopEvery: number;
  /** The share of token requests a fault is injected before. */
  faults: number;
  /** Seeds the stops and the faults. */
  seed: number;
}

const DEFAULTS: Omit<SoakOptions, 'seed'> = {
  rounds: 3,
  seconds: 30,
  calls: 600,
  tabs: 2,
  lifetime: 6,
  stopEvery: 2,
  faults: 0.3,
};

/** The command line's help, printed for `--help` and after a bad option. */
export const SOAK_USAGE =
  'npm run soak -- [--rounds 3] [--seconds 30] [--calls 600] [--tabs 2] [--lifetime 6] ' +
  '[--stop-every 2] [--faults 0.3] [--seed n]\n' +
  '  --rounds      rounds per setup (ours and the control alternate)\n' +
  '  --seconds     how long each round lasts\n' +
  '  --calls       calls per round, across every tab\n' +
  '  --tabs        tabs per provider (Firmly, Digital River)\n' +
  '  --lifetime    token lifetime in seconds (whole, 1 or more)\n' +
  '  --stop-every  mean seconds between two stops of every worker\n' +
  '  --faults      share of token requests answered by a fault (0 to 1)\n' +
  "  --seed        replays a run's stops and faults";

function positive(name: string, text: string | undefined, fallback: number, whole: boolean) {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || (whole && !Number.isInteger(value))) {
    throw new TypeError(
      `--${name} must be a ${whole ? 'whole number, 1 or more' : 'number above 0'}`,
    );
  }
  return value;
}

/**
 * Reads the soak's command line.
 *
 * @param args - the arguments after the script's name
 * @param seed - the seed when none is given
 * @returns the options, defaults filled in
 * @throws TypeError naming a bad or unknown option
 */
export function parseSoakOptions(args: readonly string[], seed: number): SoakOptions {
  const flag = { type: 'string' } as const;
  const { values } = parseArgs({
    args: [...args],
    options: {
      rounds: flag,
      seconds: flag,
      calls: flag,
      tabs: flag,
      lifetime: flag,
      'stop-every': flag,
      faults: flag,
      seed: flag,
    },
  });
  const faults = values.faults === undefined ? DEFAULTS.faults : Number(values.faults);
  if (!(faults >= 0 && faults <= 1)) throw new TypeError('--faults must be between 0 and 1');
  const options = {
    rounds: positive('rounds', values.rounds, DEFAULTS.rounds, true),
    seconds: positive('seconds', values.seconds, DEFAULTS.seconds, false),
    calls: positive('calls', values.calls, DEFAULTS.calls, true),
    tabs: positive('tabs', values.tabs, DEFAULTS.tabs, true),
    lifetime: positive('lifetime', values.lifetime, DEFAULTS.lifetime, true),
    stopEvery: positive('stop-every', values['stop-every'], DEFAULTS.stopEvery, false),
    faults,
    seed: values.seed === undefined ? seed : Number(values.seed) >>> 0,
  };
  if (options.calls < 2 * options.tabs) {
    throw new TypeError('--calls must give each tab at least one call per provider');
  }
  return options;
}
