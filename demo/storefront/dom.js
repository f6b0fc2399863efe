// Small DOM helpers shared by both demo shops.

/**
 * @param {string} id
 * @returns {HTMLElement} the element with this id
 * @throws {Error} when the page lacks it, so a template typo fails loudly at start-up
 */
export function element(id) {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The page is missing #${id}`);
  return found;
}

/**
 * @param {string} tagName
 * @param {string} [className]
 * @param {string} [text] - set as text, never as HTML, so API strings cannot inject markup
 * @returns {HTMLElement} a new element
 */
export function create(tagName, className, text) {
  const node = document.createElement(tagName);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
