// The catalog: a currency switch and one card per product with its price in that currency.
import { h, button } from './dom.js';
import { t } from '../i18n.js';
import { state, currencies, setCurrency, priceIn, addToCart, maxQuantity } from '../store.js';
import * as telegram from '../telegram.js';

function currencySwitch() {
  const options = currencies();
  if (options.length < 2) return null; // Stars only: nothing to choose
  return h('div', { class: 'segmented', role: 'group', 'aria-label': t('catalog.currency') },
    h('span', { class: 'segmented-label' }, t('catalog.currency')),
    options.map((code) => button(code === 'XTR' ? t('currency.XTR') : code, code === 'XTR' ? t('currency.XTR') : code,
      () => setCurrency(code), { 'aria-pressed': String(code === state.currency) })));
}

function photo(item) {
  if (item.photoUrl) {
    return h('img', { class: 'product-photo', src: item.photoUrl, alt: t('product.photo', { title: item.title }),
      loading: 'lazy' });
  }
  // No photo: a tinted tile with the initial keeps the grid even.
  return h('div', { class: 'product-photo placeholder', 'aria-hidden': 'true' }, item.title.slice(0, 1));
}

function addControl(item) {
  const inCart = state.cart.get(item.sku) ?? 0;
  if (item.stock === 0) return h('span', { class: 'muted' }, t('product.soldOut'));
  if (!priceIn(item)) return h('span', { class: 'muted' }, t('product.notInCurrency', { currency: state.currency }));
  const full = inCart >= maxQuantity(item);
  return h('div', { class: 'product-actions' },
    inCart ? h('span', { class: 'badge' }, t('product.inCart', { count: inCart })) : null,
    button(t('product.add'), t('product.add.label', { title: item.title }), () => {
      addToCart(item.sku);
      telegram.haptic.added();
    }, { class: 'primary', disabled: full }));
}

function productCard(item) {
  const price = priceIn(item);
  return h('article', { class: 'card product' },
    photo(item),
    h('div', { class: 'product-body' },
      h('h2', { class: 'product-title' }, item.title),
      h('p', { class: 'product-description' }, item.description),
      item.kind === 'SUBSCRIPTION' ? h('p', { class: 'muted small' }, t('product.subscription')) : null,
      h('div', { class: 'product-footer' },
        h('span', { class: 'price' }, price ? price.display : ''),
        addControl(item))));
}

export function catalogView() {
  if (!state.catalog) return h('p', { class: 'muted center' }, t('loading'));
  const products = state.catalog.products;
  return h('section', { 'aria-label': t('nav.catalog') },
    currencySwitch(),
    products.length ? h('div', { class: 'grid' }, products.map(productCard))
      : h('p', { class: 'muted center' }, t('catalog.empty')));
}
