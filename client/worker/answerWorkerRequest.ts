import type { WorkerConfig } from '../../core/config/WorkerConfig.js';
import {
  answer,
  type Handlers,
  isWorkerRequest,
  type Reply,
  type WorkerReplyValues,
  type WorkerRequest,
} from '../../core/protocol/protocol.js';
import { askThisPage } from '../pageStep/askThisPage.js';

/**
 * Answers what the worker asks of this page (Digital River's SessionToken). It lives in the
 * on-demand chunk: only a page whose worker asks something ever loads it.
 *
 * @param win - the page's window
 * @param config - the configuration
 * @param data - the worker's message
 * @returns the reply to post on the message's port
 */
export function answerWorkerRequest(
  win: Window & typeof globalThis,
  config: WorkerConfig,
  data: unknown,
): Promise<Reply<unknown>> {
  const handlers: Handlers<WorkerRequest, WorkerReplyValues> = {
    // The worker says which SessionToken: it reads the answer, with its own configuration.
    runSessionToken: ({ apiKey }) => askThisPage(win, config, apiKey ? { apiKey } : {}),
  };
  return answer(handlers, data, isWorkerRequest);
}
