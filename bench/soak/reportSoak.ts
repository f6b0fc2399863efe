import { median } from '../stats';
import { IDEAL_TOKEN_REQUESTS_FORMULA } from './idealTokenRequests';
import type { SoakProvider } from './SoakApi';
import { HUNG_MS, type RoundFigures } from './summarizeRound';

/** Our worker, or the bare pass-through worker that shows what the browser itself loses. */
export type SoakSetup = 'ours' | 'control';

/** One round's figures, with its setup and stops. */
export interface SoakRound {
  setup: SoakSetup;
  stopsSent: number;
  workersStopped: number;
  providers: Record<SoakProvider, RoundFigures>;
}

/** A round that did not finish: the browser or the harness hung. */
export interface FailedRound {
  round: number;
  setup: SoakSetup;
  reason: string;
}

type Figure = Exclude<keyof RoundFigures, 'byKind' | 'lostCalls'>;

const ROWS: [Figure, string][] = [
  ['calls', 'calls made'],
  ['lost', 'lost: no answer (network error, or none by the end)'],
  ['hung', `hung: over ${HUNG_MS / 1000} s`],
  ['withoutValidToken', 'reached the API without a valid token (its 401)'],
  ['answered401', 'answered 401 to the page'],
  ['tokenUnavailable', 'answered 503 TokenUnavailable'],
  ['otherErrors', 'other error answers'],
  ['postsSent', 'POSTs sent'],
  ['postsReceived', 'POST bodies received'],
  ['receivedTwice', 'POST bodies received twice'],
  ['tokenRequests', 'token requests'],
  ['idealTokenRequests', 'ideal token requests'],
  ['faultedTokenRequests', '… of which answered by a fault'],
  ['tokenRequestsInsideRetryAfter', 'token requests inside a Retry-After wait'],
  ['devices', 'devices created'],
];

const PROVIDERS: [SoakProvider, string][] = [
  ['firmly', 'Firmly'],
  ['digitalriver', 'Digital River'],
];

function values(rounds: readonly SoakRound[], provider: SoakProvider, figure: Figure): number[] {
  return rounds.flatMap((round) => {
    const value = round.providers[provider][figure];
    return value === null ? [] : [value];
  });
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Medians per round and totals over the run, per setup and provider, for the table and JSON. */
export function soakSummary(rounds: readonly SoakRound[]) {
  const summary: Record<string, Record<string, { median: number; total: number } | null>> = {};
  for (const setup of ['ours', 'control'] as const) {
    const mine = rounds.filter((round) => round.setup === setup);
    for (const [provider, label] of PROVIDERS) {
      const column: Record<string, { median: number; total: number } | null> = {};
      for (const [figure] of ROWS) {
        const xs = values(mine, provider, figure);
        column[figure] = xs.length ? { median: median(xs), total: sum(xs) } : null;
      }
      summary[`${setup} · ${label}`] = column;
    }
    const stopped = mine.map((round) => round.workersStopped);
    summary[`${setup} · workers stopped`] = {
      workersStopped: { median: median(stopped), total: sum(stopped) },
    };
  }
  return summary;
}

/** @returns one line per kind of loss a setup and provider suffered, naming how the calls were made */
function lossLines(rounds: readonly SoakRound[]): string[] {
  const lines: string[] = [];
  for (const setup of ['ours', 'control'] as const) {
    const mine = rounds.filter((round) => round.setup === setup);
    for (const [provider, label] of PROVIDERS) {
      const total = (figure: Figure) => sum(values(mine, provider, figure));
      const kinds = (loss: 'lost' | 'hung' | 'receivedTwice') => {
        const counts: Record<string, number> = {};
        for (const round of mine) {
          for (const [kind, n] of Object.entries(round.providers[provider].byKind[loss] ?? {})) {
            counts[kind] = (counts[kind] ?? 0) + n;
          }
        }
        const listed = Object.entries(counts).map(([kind, n]) => `${kind} ${n}`);
        return listed.length ? ` (${listed.join(', ')})` : '';
      };
      const where = `${setup}, ${label}:`;
      const lost = total('lost');
      if (lost) {
        const arrived = total('lostAfterArriving');
        const errors = total('networkErrors');
        const errorNames = [
          ...new Set(
            mine.flatMap((round) => round.providers[provider].lostCalls.map((c) => c.error)),
          ),
        ].filter((error) => error !== null);
        lines.push(
          `${where} ${lost} calls LOST${kinds('lost')}: ${errors} network errors` +
            (errorNames.length ? ` (${errorNames.join('; ')})` : '') +
            `, ${lost - errors} with no answer by the end` +
            (arrived ? `; ${arrived} of them after their body reached the API` : ''),
        );
      }
      if (total('hung')) lines.push(`${where} ${total('hung')} calls HUNG${kinds('hung')}`);
      if (total('withoutValidToken')) {
        lines.push(
          `${where} ${total('withoutValidToken')} calls reached the API WITHOUT A VALID TOKEN`,
        );
      }
      if (total('receivedTwice')) {
        lines.push(
          `${where} ${total('receivedTwice')} POST bodies RECEIVED TWICE${kinds('receivedTwice')}`,
        );
      }
      if (total('tokenRequestsInsideRetryAfter')) {
        lines.push(
          `${where} ${total('tokenRequestsInsideRetryAfter')} token requests sent INSIDE A RETRY-AFTER WAIT`,
        );
      }
      const extraDevices = total('devices') - mine.length;
      if (setup === 'ours' && extraDevices > 0) {
        lines.push(`${where} ${extraDevices} DEVICES more than one per round`);
      }
    }
  }
  return lines;
}

/**
 * Prints the soak's table (median per round, total over the run in brackets), the ideal's
 * formula, our setup against its targets, and every loss by setup, provider and kind.
 *
 * @param rounds - every round of the run that finished, in order
 * @param failed - the rounds that did not
 */
export function printSoak(rounds: readonly SoakRound[], failed: readonly FailedRound[]): void {
  const summary = soakSummary(rounds);
  const table: Record<string, Record<string, string>> = {};
  for (const [figure, label] of ROWS) {
    table[label] = {};
    for (const [column, cells] of Object.entries(summary)) {
      if (column.endsWith('workers stopped')) continue;
      const cell = cells[figure];
      (table[label] as Record<string, string>)[column] = cell
        ? `${cell.median} (${cell.total})`
        : '–';
    }
  }
  console.log('Per round: median (total over the run)');
  console.table(table);
  for (const setup of ['ours', 'control']) {
    const cell = summary[`${setup} · workers stopped`]?.workersStopped;
    if (cell)
      console.log(`${setup}: running workers stopped per round ${cell.median} (${cell.total})`);
  }
  console.log(IDEAL_TOKEN_REQUESTS_FORMULA);
  const ours = rounds.filter((round) => round.setup === 'ours');
  for (const [provider, label] of PROVIDERS) {
    const total = (figure: Figure) => sum(values(ours, provider, figure));
    const ratio = total('tokenRequests') / total('idealTokenRequests');
    console.log(
      `ours, ${label}: ${total('hung')} hung, ${total('withoutValidToken')} without a valid ` +
        `token (target 0 each); token requests ${total('tokenRequests')} against an ideal of ` +
        `${total('idealTokenRequests')}, ${ratio.toFixed(2)} (${Math.abs(ratio - 1) <= 0.1 ? 'meets' : 'MISSES'} target within 10 %)`,
    );
  }
  const losses = [
    ...failed.map(({ round, setup, reason }) => `${setup}: round ${round} FAILED, ${reason}`),
    ...lossLines(rounds),
  ];
  console.log(losses.length ? `Losses:\n  ${losses.join('\n  ')}` : 'Losses: none');
}
