// What the shopper has chosen: the catalog, the payment currency and the cart. Views read it and
// call the changers; every change notifies the app so it can re-render.
import { formatMoney, exponentOf } from './money.js';

const listeners = [];
export const state = { catalog: null, currency: 'XTR', cart: new Map() }; // cart: sku → quantity

export function onStoreChange(listener) {
  listeners.push(listener);
}

function changed() {
  listeners.forEach((listener) => listener());
}

export function setCatalog(catalog) {
  state.catalog = catalog;
  if (!catalog.currencies.includes(state.currency)) state.currency = 'XTR';
  changed();
}

/** Stars always; a card currency only when the catalog offers it. */
export function currencies() {
  const offered = state.catalog?.currencies ?? [];
  return ['XTR', ...offered.filter((code) => code !== 'XTR')];
}

export function setCurrency(currency) {
  state.currency = currency;
  changed();
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
  changed();
}

export const addToCart = (sku) => setQuantity(sku, (state.cart.get(sku) ?? 0) + 1);

export function clearCart() {
  state.cart.clear();
  changed();
}

export const cartCount = () => [...state.cart.values()].reduce((sum, n) => sum + n, 0);

/** Lines with products, the total in the chosen currency, and what stops a checkout. */
export function cartSummary() {
  const lines = [...state.cart].map(([sku, quantity]) => ({ sku, quantity, item: product(sku) }))
    .filter((line) => line.item);
  const unpriced = lines.filter((line) => !priceIn(line.item));
  const hasSubscription = lines.some((line) => line.item.kind === 'SUBSCRIPTION');
  let amount = 0;
  let exponent = 0;
  lines.forEach((line) => {
    const price = priceIn(line.item);
    if (!price) return;
    amount += price.amount * line.quantity;
    exponent = exponentOf(price.decimal);
  });
  return {
    lines,
    unpriced,
    subscriptionNotAlone: hasSubscription && lines.length > 1,
    total: formatMoney(amount, state.currency, exponent),
  };
}

/** The request body's items, and a fingerprint that changes whenever the order would. */
export function orderItems() {
  return [...state.cart].map(([sku, quantity]) => ({ sku, quantity }));
}

export function cartFingerprint() {
  return state.currency + '|' + orderItems().map((i) => `${i.sku}*${i.quantity}`).sort().join(',');
}
