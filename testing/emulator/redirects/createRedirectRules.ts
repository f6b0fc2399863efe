import type { EmulatorRedirect, RedirectStatus } from './EmulatorRedirect.js';

/** The redirects an emulator answers, in the order they were added. */
export interface RedirectRules {
  /** Checks a redirect that may come from outside (a test's HTTP call) and adds it. @throws TypeError */
  add(redirect: unknown): void;
  /** Uses up one application of the oldest redirect for this request. @returns it, if any */
  take(method: string, path: string): EmulatorRedirect | undefined;
  clear(): void;
}

const STATUSES: readonly RedirectStatus[] = [301, 302, 303, 307, 308];

function parseRedirect(value: unknown): EmulatorRedirect {
  const rule = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  if (typeof rule.path !== 'string' || !rule.path.startsWith('/') || rule.path.includes('?')) {
    throw new TypeError('redirect.path must be a path starting with /, without a query string');
  }
  if (!STATUSES.includes(rule.status as RedirectStatus)) {
    throw new TypeError(`redirect.status must be one of: ${STATUSES.join(', ')}`);
  }
  if (typeof rule.location !== 'string' || rule.location === '' || /[\r\n]/.test(rule.location)) {
    throw new TypeError('redirect.location must be a URL or a path, on one line');
  }
  if (rule.method !== undefined && (typeof rule.method !== 'string' || rule.method === '')) {
    throw new TypeError('redirect.method must be an HTTP method');
  }
  if (
    rule.times !== undefined &&
    (typeof rule.times !== 'number' || !Number.isInteger(rule.times) || rule.times < 1)
  ) {
    throw new TypeError('redirect.times must be a whole number, 1 or more');
  }
  return {
    path: rule.path,
    status: rule.status as RedirectStatus,
    location: rule.location,
    ...(rule.method === undefined ? {} : { method: (rule.method as string).toUpperCase() }),
    ...(rule.times === undefined ? {} : { times: rule.times as number }),
  };
}

/**
 * Creates an empty set of redirects.
 *
 * @returns rules that match a request by method and exact path
 */
export function createRedirectRules(): RedirectRules {
  let rules: EmulatorRedirect[] = [];
  return {
    add(value) {
      rules.push(parseRedirect(value));
    },
    take(method, path) {
      const rule = rules.find((r) => r.path === path && (r.method ?? method) === method);
      if (!rule) return undefined;
      if (rule.times !== undefined) {
        rule.times -= 1;
        if (rule.times === 0) rules = rules.filter((r) => r !== rule);
      }
      return rule;
    },
    clear() {
      rules = [];
    },
  };
}
