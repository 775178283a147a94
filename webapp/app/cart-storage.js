// The cart survives closing the app: saved in Telegram's CloudStorage (per user, across devices)
// when the client supports it (Bot API 6.9+), else in the page's localStorage. Only SKUs and
// quantities are kept; prices are always read from the catalog again when the cart is restored.
import { cloudStorage } from './telegram.js';

const KEY = 'cart_v1';

export async function loadCart() {
  const text = cloudStorage.available ? await cloudStorage.get(KEY) : localStorage.getItem(KEY);
  try {
    const saved = JSON.parse(text || '{}');
    const items = Array.isArray(saved.items) ? saved.items : [];
    return {
      currency: typeof saved.currency === 'string' ? saved.currency : null,
      items: items.filter((i) => typeof i?.sku === 'string' && Number.isInteger(i.quantity) && i.quantity > 0),
    };
  } catch (e) {
    return { currency: null, items: [] }; // a damaged entry is an empty cart, not an error
  }
}

export function saveCart(currency, items) {
  const text = JSON.stringify({ currency, items });
  if (cloudStorage.available) cloudStorage.set(KEY, text);
  else {
    try {
      localStorage.setItem(KEY, text);
    } catch (e) {
      // Storage full or disabled: the cart still works for this session.
    }
  }
}
