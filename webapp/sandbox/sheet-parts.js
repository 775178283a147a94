// Small DOM helpers for the host's sheets, so the sheet code reads as what it shows.
export function element(tag, properties = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(properties)) {
    if (key === 'ariaLabel') {
      node.setAttribute('aria-label', value);
    } else if (key === 'role') {
      node.setAttribute('role', value);
    } else {
      node[key] = value;
    }
  }
  node.append(...children);
  return node;
}

/** A labelled input; the id lets tests and screen readers find it. */
export function field(parent, labelText, id, value) {
  const input = element('input', { id, value, autocomplete: 'off' });
  parent.append(element('label', { htmlFor: id, textContent: labelText }), input);
  return input;
}

/** Minor units to text. Stars have no fraction; other currencies take their digits from Intl. */
export function formatAmount(minorUnits, currency) {
  if (currency === 'XTR') {
    return '⭐ ' + minorUnits;
  }
  const format = new Intl.NumberFormat('en', { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits;
  return format.format(minorUnits / 10 ** digits);
}
