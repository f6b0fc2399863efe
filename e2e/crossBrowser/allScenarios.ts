import { keepaliveScenarios } from './keepaliveScenarios.js';
import { clockScenarios, lifecycleScenarios } from './lifecycleScenarios.js';
import { type Scenario, scenarios } from './scenarios.js';

/** Every cross-browser story, each marked with what its lane must provide. */
export const allScenarios: {
  scenario: Scenario;
  /** It moves the worker's clock, so its worker must stay up until the next call. */
  movesClock: boolean;
  /** It stops the origin's workers. */
  restartsWorkers: boolean;
}[] = [
  ...[...scenarios, ...lifecycleScenarios, ...keepaliveScenarios].map((scenario) => ({
    scenario,
    movesClock: false,
    restartsWorkers: scenario.name.includes('worker restart'),
  })),
  ...clockScenarios.map((scenario) => ({ scenario, movesClock: true, restartsWorkers: false })),
];
