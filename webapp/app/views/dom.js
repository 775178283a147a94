// A tiny element builder. Text always goes in as text nodes, so product titles and server
// messages can never inject markup.

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value == null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** A button whose visible text may be short; the label says exactly what it does. */
export function button(text, label, onclick, extra = {}) {
  return h('button', { type: 'button', 'aria-label': label, onclick, ...extra }, text);
}
