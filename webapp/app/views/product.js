// A product's page: the large picture, title, description, price in the chosen currency, the
// quantity stepper (which adds to the cart) and Share.
import { h, button } from './dom.js';
import { t } from '../i18n.js';
import { state, product, priceIn } from '../store.js';
import { picture } from './picture.js';
import { quantityControl } from './quantity.js';

/** @param onShare called with the SKU; absent where sharing is not possible */
export function productView(sku, onShare) {
  if (!state.catalog) return h('p', { class: 'muted center' }, t('loading'));
  const item = product(sku);
  if (!item) return h('p', { class: 'warning center' }, t('product.gone'));
  const price = priceIn(item);
  return h('article', { class: 'product-page', 'aria-label': item.title },
    picture(item, '(min-width: 480px) 480px, 100vw', 'product-hero'),
    h('h2', { class: 'product-page-title' }, item.title),
    h('p', { class: 'price big' }, price ? price.display : t('product.notInCurrency', { currency: state.currency })),
    item.kind === 'SUBSCRIPTION' ? h('p', { class: 'muted small' }, t('product.subscription')) : null,
    h('p', { class: 'product-description' }, item.description),
    quantityControl(item, true),
    onShare ? button(t('product.share'), t('product.share.label', { title: item.title }), () => onShare(sku),
      { class: 'secondary wide' }) : null);
}
