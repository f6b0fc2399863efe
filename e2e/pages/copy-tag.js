// Test pages load the drop-in as a shop's page does: with the tag of that page, copied, so they
// follow its attributes wherever they change.

/**
 * Adds the drop-in's tag of the page at `from` to this page, with `attributes` set over its own.
 *
 * @param {string} from - the shop's page whose tag to copy
 * @param {Record<string, string>} [attributes] - attributes to set or change
 * @returns {Promise<HTMLScriptElement>} the added tag, once the drop-in has run
 */
window.copyTag = (from, attributes = {}) =>
  fetch(from)
    .then((response) => response.text())
    .then(
      (html) =>
        new Promise((resolve, reject) => {
          const tag = new DOMParser()
            .parseFromString(html, 'text/html')
            .querySelector('script[src$="sw-token-interceptor.js"]');
          const script = document.createElement('script');
          for (const { name, value } of tag.attributes) script.setAttribute(name, value);
          for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
          script.onload = () => resolve(script);
          script.onerror = () => reject(new Error('the drop-in failed to load'));
          document.head.append(script);
        }),
    );
