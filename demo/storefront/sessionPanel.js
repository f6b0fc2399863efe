// The session panel: which device (or shopper) the token belongs to, when it expires, and the
// calls the library handled. It only listens to the page API; the token itself never shows up.
import { create, element } from './dom.js';
import { errorText, showError } from './notices.js';

const RECENT_CALLS_SHOWN = 5;

const ui = {
  deviceId: element('device-id'),
  tokenExpiry: element('token-expiry'),
  interceptedCount: element('intercepted-count'),
  recentCalls: element('recent-calls'),
  sessionHint: element('session-hint'),
};

let expiresAt;
let deviceId;
let intercepted = 0;

function renderExpiry() {
  if (expiresAt === undefined) return;
  const seconds = Math.max(0, Math.round((expiresAt - Date.now()) / 1000));
  const two = (n) => String(n).padStart(2, '0');
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

  function showSession(session) {
    const deviceChanged = deviceId !== undefined && session.deviceId !== deviceId;
    deviceId = session.deviceId;
    expiresAt = session.expiresAt;
    ui.deviceId.textContent = session.deviceId;
    ui.deviceId.title = session.deviceId;
    renderExpiry();
    if (deviceChanged) onNewDevice();
  }

  function showIntercept(call) {
    intercepted += 1;
    ui.interceptedCount.textContent = String(intercepted);
    let path = call.url;
    try {
      path = shortenPath(call.url);
    } catch {
      // Not a URL we can shorten; show it whole.
    }
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
  }

  interceptor.on('session', showSession);
  interceptor.on('intercept', showIntercept);
  interceptor.on('error', (error) => showError(errorText(error)));
  setInterval(renderExpiry, 1000);
  try {
    await interceptor.ready;
    showSession(await interceptor.session());
    return true;
  } catch (error) {
    ui.deviceId.textContent = 'Unavailable';
    showError(errorText(error));
    return false;
  }
}
