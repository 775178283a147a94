// The link the Mini App was opened with: Telegram's start_param (https://t.me/<bot>/<app>?startapp=…),
// read with the same strict grammar as the engine (order.Attribution, docs/orders.md):
//   start_param = part *( "__" part ); part = key "_" value; key = p | c | s | m | r
//   value = word *( "_" word ), 1–64 characters; word = 1*( A-Z a-z 0-9 - ); 512 characters at most.
// p_<sku> opens a product, c_<slug> a category; s_ (source), m_ (campaign), r_ (referrer) are
// attribution, which the engine records on the order from the verified initData, never from us.

const VALUE = /^[A-Za-z0-9-]+(_[A-Za-z0-9-]+)*$/;
const KEYS = { p: 'product', c: 'category', s: 'source', m: 'campaign', r: 'referrer' };

/** {product?, category?, source?, campaign?, referrer?}, {} for none, or null when malformed. */
export function parseStartParam(text) {
  if (!text) return {};
  if (text.length > 512 || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  const parsed = {};
  for (const part of text.split('__')) {
    const key = KEYS[part[0]];
    const value = part.slice(2);
    if (!key || part[1] !== '_' || value.length > 64 || !VALUE.test(value) || key in parsed) return null;
    parsed[key] = value;
  }
  return parsed.product && parsed.category ? null : parsed;
}
