/*
  Small DOM helpers: build elements without innerHTML (so API text is never parsed as HTML),
  swap a view, and announce changes to screen readers.
*/
/* global document */

/**
 * Creates an element.
 * @param {string} tag the tag name
 * @param {Record<string, any> | null} [attributes] attributes; "on*" functions become listeners, false/null are skipped
 * @param {...(Node | string | number | null | undefined | false)} children
 * @returns {HTMLElement}
 */
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === "className") {
      element.className = value;
    } else if (value === true) {
      element.setAttribute(name, "");
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

/**
 * Appends children, skipping empty ones.
 * @param {Element} parent
 * @param {Array<any>} children
 */
export function append(parent, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : String(child));
  }
}

/**
 * Replaces what a container shows.
 * @param {Element} container
 * @param {...any} children
 */
export function show(container, ...children) {
  container.replaceChildren();
  append(container, children);
}

/**
 * Says something to screen readers through the polite live region.
 * @param {string} text
 */
export function announce(text) {
  const region = document.getElementById("announcer");
  region.textContent = "";
  // A fresh text node after clearing makes screen readers read a repeated message again.
  setTimeout(() => { region.textContent = text; }, 50);
}
