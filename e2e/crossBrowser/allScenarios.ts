import { apiKeyScenarios } from './apiKeyScenarios.js';
import { firstVisitXhrScenarios } from './firstVisitXhrScenarios.js';
import { interruptedScenarios } from './interruptedScenarios.js';
import { keepaliveScenarios } from './keepaliveScenarios.js';
import { clockScenarios, lifecycleScenarios } from './lifecycleScenarios.js';
import { rateLimitClockScenarios, rateLimitScenarios } from './rateLimitScenarios.js';
import { type Scenario, scenarios } from './scenarios.js';

/** Every cross-browser story, each marked with what its lane must provide. */
export const allScenarios: {
  scenario: Scenario;
  /** It moves the worker's clock, so its worker must stay up until the next call. */
  movesClock: boolean;
  /** It stops the origin's workers. */
  restartsWorkers: boolean;
  /**
   * A call in it waits on the worker for seconds (a token request that gets no answer): longer
   * than a browser that stops its idle workers at once to restart them lets a fetch event last.
   */
  waitsOnWorker: boolean;
}[] = [
  ...[
    ...scenarios,
    ...firstVisitXhrScenarios,
    ...lifecycleScenarios,
    ...apiKeyScenarios,
    ...rateLimitScenarios,
    ...keepaliveScenarios,
  ].map((scenario) => ({
    scenario,
    movesClock: false,
    restartsWorkers: scenario.name.includes('worker restart'),
    waitsOnWorker: false,
  })),
  ...interruptedScenarios.map((scenario) => ({
    scenario,
    movesClock: false,
    restartsWorkers: false,
    waitsOnWorker: true,
  })),
  ...[...clockScenarios, ...rateLimitClockScenarios].map((scenario) => ({
    scenario,
    movesClock: true,
    restartsWorkers: false,
    waitsOnWorker: false,
  })),
];
