// The error banner and the screen-reader status line, shared by the shop and the session panel.
import { element } from './dom.js';

const banner = element('error-banner');
const bannerMessage = element('error-message');
const status = element('status');

element('error-dismiss').addEventListener('click', () => {
  banner.hidden = true;
  bannerMessage.textContent = '';
});

/** Shows a message in the alert region, which screen readers announce at once. */
export function showError(message) {
  bannerMessage.textContent = message;
  banner.hidden = false;
}

/** Turns whatever failed into one readable line that keeps the error code searchable. */
export function errorText(error) {
  if (error && typeof error === 'object') {
    const { code, message } = error;
    if (typeof message === 'string' && typeof code === 'string') return `${message} (${code})`;
    if (typeof message === 'string') return message;
  }
  return String(error);
}

/** Tells screen-reader users what just happened, without moving their focus. */
export function announce(message) {
  status.textContent = message;
}
