// What the shopper has chosen: the catalog, the payment currency and the cart. Views read it and
// call the changers; every change notifies the app so it can re-render.
import { formatMoney, exponentOf } from './money.js';
import { loadCart, saveCart } from './cart-storage.js';

const listeners = [];
// cart: sku → quantity; category: the chosen slug (null: all); query: the search box; promoCode: the cart's field
export const state = { catalog: null, currency: 'XTR', cart: new Map(), category: null, query: '', promoCode: '' };

export function onStoreChange(listener) {
  listeners.push(listener);
}

function changed() {
  listeners.forEach((listener) => listener());
}

function cartChanged() {
  saveCart(state.currency, orderItems());
  changed();
}

/**
 * Sets the catalog and reconciles the cart with it: products no longer for sale are dropped and
 * quantities capped by today's stock; prices are never stored, so the cart shows today's.
 */
export function setCatalog(catalog) {
  state.catalog = catalog;
  if (!catalog.currencies.includes(state.currency)) state.currency = 'XTR';
  for (const [sku, quantity] of [...state.cart]) {
    const item = product(sku);
    const capped = item ? Math.min(quantity, maxQuantity(item)) : 0;
    if (capped > 0) state.cart.set(sku, capped);
    else state.cart.delete(sku);
  }
  changed();
}

/** Puts back the cart saved when the app was last open (before or after the catalog arrives). */
export async function restoreCart() {
  const saved = await loadCart();
  if (state.cart.size) return; // the shopper already started a new one
  saved.items.forEach(({ sku, quantity }) => state.cart.set(sku, Math.min(quantity, 99)));
  if (saved.currency) state.currency = saved.currency;
  if (state.catalog) setCatalog(state.catalog);
  else changed();
}

export function setCategory(slug) {
  state.category = slug;
  changed();
}

export function setQuery(text) {
  state.query = text;
  changed();
}

export function setPromoCode(text) {
  state.promoCode = text;
}

/** The products shown: in the chosen category, whose title or description has every word searched. */
export function visibleProducts() {
  const words = state.query.toLowerCase().split(/\s+/).filter(Boolean);
  return (state.catalog?.products ?? []).filter((p) => !state.category || p.category === state.category)
    .filter((p) => words.every((w) => `${p.title} ${p.description}`.toLowerCase().includes(w)));
}

/** Stars always; a card currency only when the catalog offers it. */
export function currencies() {
  const offered = state.catalog?.currencies ?? [];
  return ['XTR', ...offered.filter((code) => code !== 'XTR')];
}

export function setCurrency(currency) {
  state.currency = currency;
  cartChanged();
}

export const product = (sku) => state.catalog?.products.find((p) => p.sku === sku);
export const priceIn = (item, currency = state.currency) => item.prices.find((p) => p.currency === currency);

/** Subscriptions are sold one at a time; stock caps everything else. */
export function maxQuantity(item) {
  if (item.kind === 'SUBSCRIPTION') return 1;
  return item.stock == null ? 99 : Math.min(99, item.stock);
}

export function setQuantity(sku, quantity) {
  const item = product(sku);
  const capped = item ? Math.min(quantity, maxQuantity(item)) : 0;
  if (capped > 0) state.cart.set(sku, capped);
  else state.cart.delete(sku);
  cartChanged();
}

export const addToCart = (sku) => setQuantity(sku, (state.cart.get(sku) ?? 0) + 1);

export function clearCart() {
  state.cart.clear();
  state.promoCode = '';
  cartChanged();
}

export const cartCount = () => [...state.cart.values()].reduce((sum, n) => sum + n, 0);

/** Lines with products, the total in a currency (the chosen one by default), and what stops a checkout. */
export function cartSummary(currency = state.currency) {
  const lines = [...state.cart].map(([sku, quantity]) => ({ sku, quantity, item: product(sku) }))
    .filter((line) => line.item);
  const unpriced = lines.filter((line) => !priceIn(line.item, currency));
  const hasSubscription = lines.some((line) => line.item.kind === 'SUBSCRIPTION');
  let amount = 0;
  let exponent = 0;
  lines.forEach((line) => {
    const price = priceIn(line.item, currency);
    if (!price) return;
    amount += price.amount * line.quantity;
    exponent = exponentOf(price.decimal);
  });
  return {
    lines,
    unpriced,
    subscriptionNotAlone: hasSubscription && lines.length > 1,
    total: formatMoney(amount, currency, exponent),
  };
}

/** A cart the engine would accept in this currency: not empty, every line priced, a subscription alone. */
export function cartPayableIn(currency) {
  const summary = cartSummary(currency);
  return summary.lines.length > 0 && !summary.unpriced.length && !summary.subscriptionNotAlone;
}

/**
 * The other way to pay this cart, beside the chosen currency: by card (the first card currency the
 * catalog offers, which it does only when the shop has a card provider, and that prices every line;
 * subscriptions are sold in Stars only) while Stars are chosen, or Stars while a card currency is.
 * Null when there is none.
 */
export function otherPaymentCurrency() {
  if (state.currency !== 'XTR') return cartPayableIn('XTR') ? 'XTR' : null;
  if (cartSummary('XTR').lines.some((line) => line.item.kind === 'SUBSCRIPTION')) return null;
  return currencies().find((code) => code !== 'XTR' && cartPayableIn(code)) ?? null;
}

/** The request body's items, and a fingerprint that changes whenever the order would. */
export function orderItems() {
  return [...state.cart].map(([sku, quantity]) => ({ sku, quantity }));
}

/** The promo code to send: trimmed, and absent when the field is empty. */
export const promoCode = () => state.promoCode.trim() || null;

export function cartFingerprint(currency = state.currency) {
  return currency + '|' + orderItems().map((i) => `${i.sku}*${i.quantity}`).sort().join(',')
    + '|' + (promoCode() ?? '');
}
