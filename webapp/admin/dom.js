// Builds elements from data without ever parsing it as HTML: text goes in as text nodes.

/** h('td', {class: 'num'}, 'text', childElement) */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name in element && typeof value !== 'string') element[name] = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A table: columns are {label, cell(row) → text|Node, num?: true}. */
export function table(columns, rows, { empty = 'Nothing here yet.', onRow } = {}) {
  if (!rows.length) return h('p', { class: 'empty' }, empty);
  const head = h('tr', {}, columns.map((c) => h('th', { class: c.num ? 'num' : null, scope: 'col' }, c.label)));
  const body = rows.map((row) => h('tr', {
    class: onRow ? 'clickable' : null,
    onclick: onRow ? () => onRow(row) : null,
  }, columns.map((c) => h('td', { class: c.num ? 'num' : null }, c.cell(row)))));
  return h('table', { class: 'grid' }, h('thead', {}, head), h('tbody', {}, body));
}

/** An amount with its currency: Stars as "⭐", others as "12.50 USD". Never summed across currencies. */
export function money(decimal, currency) {
  return currency === 'XTR' ? `${decimal} ⭐` : `${decimal} ${currency}`;
}

/** The engine's {amount, decimal, currency} view of an amount. */
export function amount(view) {
  return view ? money(view.decimal, view.currency) : '—';
}

export function when(instant) {
  if (!instant) return '—';
  const date = new Date(instant);
  return date.toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
}

export function status(name) {
  return h('span', { class: `status status-${String(name).toLowerCase()}` }, name);
}

/** A failure shown where the data would have been, with the problem's own words. */
export function problemBox(error) {
  return h('div', { class: 'problem', role: 'alert' },
    h('strong', {}, error.title || 'Request failed'), ' ', error.message);
}

export function section(title, ...children) {
  return h('section', { class: 'panel' }, h('h2', {}, title), ...children);
}

export function shortId(id) {
  return String(id).slice(0, 8);
}

/** Digits after the point, learned from a decimal the engine rendered ("-15.00" → 2). */
export function exponentOf(decimalText) {
  const point = String(decimalText).indexOf('.');
  return point < 0 ? 0 : String(decimalText).length - point - 1;
}

/** Minor units as a decimal with the currency's exponent: (1450, 2) → "14.50". */
export function decimalOf(minorUnits, exponent) {
  const digits = String(Math.abs(minorUnits)).padStart(exponent + 1, '0');
  const text = exponent ? `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}` : digits;
  return `${minorUnits < 0 ? '-' : ''}${text}`;
}
