// The catalog: search, category bar, currency switch, and a two-column grid of products with a
// picture, title, price and an add / quantity stepper. A card's picture and title open its page.
import { h, button } from './dom.js';
import { t } from '../i18n.js';
import { state, currencies, setCurrency, priceIn, setCategory, setQuery, visibleProducts } from '../store.js';
import { picture } from './picture.js';
import { quantityControl } from './quantity.js';

function currencySwitch() {
  const options = currencies();
  if (options.length < 2) return null; // Stars only: nothing to choose
  return h('div', { class: 'segmented', role: 'group', 'aria-label': t('catalog.currency') },
    h('span', { class: 'segmented-label' }, t('catalog.currency')),
    options.map((code) => button(code === 'XTR' ? t('currency.XTR') : code, code === 'XTR' ? t('currency.XTR') : code,
      () => setCurrency(code), { 'aria-pressed': String(code === state.currency) })));
}

function searchBox() {
  // Re-rendering replaces the input; keep the caret where the shopper is typing.
  const input = h('input', { type: 'search', class: 'search', value: state.query, placeholder: t('catalog.search'),
    'aria-label': t('catalog.search'), enterkeyhint: 'search' });
  input.addEventListener('input', () => {
    setQuery(input.value);
    const again = document.querySelector('input.search');
    again?.focus();
    again?.setSelectionRange(again.value.length, again.value.length);
  });
  return input;
}

function categoryBar() {
  const categories = state.catalog.categories ?? [];
  if (!categories.length) return null;
  const chip = (slug, title) => button(title, title, () => setCategory(slug),
    { class: 'chip', 'aria-pressed': String(state.category === slug) });
  return h('nav', { class: 'categories', 'aria-label': t('catalog.categories') },
    chip(null, t('catalog.all')), categories.map((c) => chip(c.slug, c.title)));
}

function productCard(item, openProduct) {
  const price = priceIn(item);
  const open = () => openProduct(item.sku);
  return h('article', { class: 'card product', 'data-sku': item.sku },
    h('button', { type: 'button', class: 'product-open', onclick: open, 'aria-label': t('product.open', { title: item.title }) },
      picture(item, '(min-width: 480px) 240px, 50vw')),
    h('div', { class: 'product-body' },
      h('h2', { class: 'product-title' }, item.title),
      h('span', { class: 'price' }, price ? price.display : ''),
      quantityControl(item)));
}

/** @param openProduct called with a SKU when the shopper opens a product's page */
export function catalogView(openProduct) {
  if (!state.catalog) return h('p', { class: 'muted center' }, t('loading'));
  const products = visibleProducts();
  const empty = state.catalog.products.length ? t('catalog.noMatch') : t('catalog.empty');
  return h('section', { 'aria-label': t('nav.catalog') },
    searchBox(),
    categoryBar(),
    currencySwitch(),
    products.length ? h('div', { class: 'grid' }, products.map((item) => productCard(item, openProduct)))
      : h('p', { class: 'muted center' }, empty));
}
