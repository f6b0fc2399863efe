// The session panel: which device (or shopper) the token belongs to, when it expires, what the
// library did and when, and the calls it handled. It only listens to the page API; the token
// itself never shows up.
import { create, element } from './dom.js';
import { errorText, showError } from './notices.js';

const RECENT_CALLS_SHOWN = 5;
const TIMELINE_SHOWN = 12;

const ui = {
  deviceId: element('device-id'),
  tokenExpiry: element('token-expiry'),
  interceptedCount: element('intercepted-count'),
  timeline: element('timeline'),
  recentCalls: element('recent-calls'),
  sessionHint: element('session-hint'),
};

let expiresAt;
let deviceId;
let intercepted = 0;
// Tokens already on the timeline, as `deviceId expiresAt`: session() and the 'session' event
// often report the same token, which must show once.
const tokensSeen = new Set();

const two = (n) => String(n).padStart(2, '0');

/** @returns {string} the local time of day, as `HH:MM:SS` */
function clockTime(ms) {
  const date = new Date(ms);
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/**
 * @returns {string} when a token expires: the time of day, and the day unless it is today, as
 *   tokens may live a day or more (`17:40:12 tomorrow`)
 */
function expiryTime(ms) {
  const day = (date) => new Date(date).setHours(0, 0, 0, 0);
  const days = Math.round((day(ms) - day(Date.now())) / 86_400_000);
  const suffix =
    days === 0
      ? ''
      : days === 1
        ? ' tomorrow'
        : ` on ${new Date(ms).toLocaleDateString(undefined, { month: 'short', day: 'numeric' })}`;
  return `${clockTime(ms)}${suffix}`;
}

function renderExpiry() {
  if (expiresAt === undefined) return;
  const seconds = Math.max(0, Math.round((expiresAt - Date.now()) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  ui.tokenExpiry.textContent =
    seconds === 0
      ? 'Expired; renews on the next call'
      : h > 0
        ? `${h}:${two(m)}:${two(s)}`
        : `${m}:${two(s)}`;
  ui.tokenExpiry.dataset.expiresAt = String(expiresAt);
}

/** What each kind of timeline entry is called; the label, not its colour, tells them apart. */
const TIMELINE_LABELS = {
  acquired: 'Token acquired',
  renewed: 'Token renewed',
  retried: 'Call retried',
  error: 'Error',
  fallback: 'Fallback armed',
  worker: 'Worker in control',
};

/**
 * Adds an entry at the top of the timeline, dropping the oldest beyond the cap. The list is a
 * polite live region, so screen readers read each new entry once.
 *
 * @param {keyof typeof TIMELINE_LABELS} kind
 * @param {string} detail
 */
function addTimelineEntry(kind, detail) {
  const now = new Date();
  const item = create('li', `timeline__entry timeline__entry--${kind}`);
  item.dataset.testid = 'timeline-entry';
  item.dataset.kind = kind;
  const time = create('time', 'timeline__time', clockTime(now.getTime()));
  time.setAttribute('datetime', now.toISOString());
  item.append(
    time,
    // Whitespace takes no room in the grid, but keeps the text readable when copied.
    ' ',
    create('span', 'timeline__label', TIMELINE_LABELS[kind]),
    // Read between label and detail, so the two do not run together.
    create('span', 'visually-hidden', ': '),
    create('span', 'timeline__detail', detail),
  );
  ui.timeline.prepend(item);
  while (ui.timeline.children.length > TIMELINE_SHOWN) ui.timeline.lastElementChild?.remove();
}

/** @returns {boolean} whether the timeline already shows this error */
function errorShown(code) {
  return [...ui.timeline.children].some(
    (item) =>
      item instanceof HTMLElement &&
      item.dataset.kind === 'error' &&
      item.querySelector('.timeline__detail')?.textContent === code,
  );
}

/** @returns {string | undefined} the provider named on the library's script tag */
function tagProvider() {
  const tag = document.querySelector('script[data-provider]');
  return tag instanceof HTMLElement ? tag.dataset.provider : undefined;
}

/**
 * Subscribes the panel to the library's page API and waits for the first session.
 *
 * @param {object} hooks
 * @param {(url: string) => string} hooks.shortenPath - the part of a call's URL worth showing
 * @param {() => void} hooks.onNewDevice - called when the session moved to another device or
 *   shopper, whose cart starts empty, so the cart on screen is stale
 * @returns {Promise<boolean>} whether a session is running, so the shop may call the API
 */
export async function startSessionPanel({ shortenPath, onNewDevice }) {
  const interceptor = window.swTokenInterceptor;
  if (!interceptor) {
    ui.deviceId.textContent = 'Unavailable';
    ui.sessionHint.textContent =
      'The session script is not running, so cart calls go out without a token and are refused.';
    showError(
      'The session script did not load, so the cart cannot be reached (swTokenInterceptor is missing).',
    );
    return false;
  }

  /** @returns {string} how the provider's holder of a cart is called: a device or a shopper session */
  function holderWord(session) {
    return (tagProvider() ?? session.provider) === 'digitalriver' ? 'shopper session' : 'device';
  }

  function shortPath(url) {
    try {
      return shortenPath(url);
    } catch {
      // Not a URL we can shorten; show it whole.
      return url;
    }
  }

  function recordSession(session) {
    const key = `${session.deviceId} ${session.expiresAt}`;
    if (tokensSeen.has(key)) return;
    const first = tokensSeen.size === 0;
    tokensSeen.add(key);
    const holder = holderWord(session);
    if (first || session.deviceCreated) {
      const fresh = session.deviceCreated ? 'new ' : '';
      addTimelineEntry('acquired', `${fresh}${holder} ${String(session.deviceId).slice(0, 8)}…`);
    } else {
      addTimelineEntry('renewed', `same ${holder}, expires ${expiryTime(session.expiresAt)}`);
    }
  }

  function showSession(session) {
    const deviceChanged = deviceId !== undefined && session.deviceId !== deviceId;
    deviceId = session.deviceId;
    expiresAt = session.expiresAt;
    ui.deviceId.textContent = session.deviceId;
    ui.deviceId.title = session.deviceId;
    renderExpiry();
    recordSession(session);
    if (deviceChanged) onNewDevice();
  }

  function showIntercept(call) {
    intercepted += 1;
    ui.interceptedCount.textContent = String(intercepted);
    const path = shortPath(call.url);
    const item = create('li', 'recent-calls__item');
    item.title = `${call.method} ${call.url} → ${call.status}`;
    item.append(
      create('span', 'recent-calls__method', call.method),
      create('span', 'recent-calls__path', path),
      create(
        'span',
        call.status < 400 ? 'recent-calls__status' : 'recent-calls__status is-error',
        String(call.status),
      ),
    );
    ui.recentCalls.prepend(item);
    while (ui.recentCalls.children.length > RECENT_CALLS_SHOWN)
      ui.recentCalls.lastElementChild?.remove();
    if (call.retried) {
      addTimelineEntry(
        'retried',
        `${call.method} ${path} got 401; renewed and sent again → ${call.status}`,
      );
    }
  }

  function showLibraryError(error) {
    addTimelineEntry('error', String(error?.code ?? 'unknown'));
    // A warning: storage refused, and the calls still carry the token, from memory.
    if (error?.code !== 'StorageUnavailable') showError(errorText(error));
  }

  function showPath(path) {
    if (path === 'page') {
      addTimelineEntry('fallback', 'no service worker: this page attaches the token itself');
      ui.sessionHint.textContent =
        'No service worker controls this page, so the library attaches the session token to these calls from within the page. The shop code still never sees the token.';
    } else if (path === 'worker') {
      addTimelineEntry('worker', 'the service worker attaches the token to cart calls');
    }
  }

  interceptor.on('session', showSession);
  interceptor.on('intercept', showIntercept);
  interceptor.on('error', showLibraryError);
  setInterval(renderExpiry, 1000);
  try {
    await interceptor.ready;
  } catch (error) {
    // The library reports this failure as an 'error' event too; show it once.
    const code = String(error?.code ?? 'unknown');
    if (!errorShown(code)) addTimelineEntry('error', code);
    ui.deviceId.textContent = 'Unavailable';
    showError(errorText(error));
    return false;
  }
  try {
    const session = await interceptor.session();
    showPath(session.path);
    showSession(session);
    return true;
  } catch (error) {
    addTimelineEntry('error', String(error?.code ?? 'unknown'));
    ui.deviceId.textContent = 'Unavailable';
    showError(errorText(error));
    return false;
  }
}
