// "Add" on a product not in the cart; − count + once it is. Used by the grid and the product page.
import { h, button } from './dom.js';
import { t } from '../i18n.js';
import { state, priceIn, setQuantity, maxQuantity } from '../store.js';
import * as telegram from '../telegram.js';

export function quantityControl(item, wide = false) {
  const inCart = state.cart.get(item.sku) ?? 0;
  if (item.stock === 0) return h('span', { class: 'muted small' }, t('product.soldOut'));
  if (!priceIn(item)) return h('span', { class: 'muted small' }, t('product.notInCurrency', { currency: state.currency }));
  if (!inCart) {
    return button(t('product.add'), t('product.add.label', { title: item.title }), () => {
      setQuantity(item.sku, 1);
      telegram.haptic.added();
    }, { class: 'primary add' + (wide ? ' wide' : '') });
  }
  return h('div', { class: 'stepper' + (wide ? ' wide' : ''), role: 'group', 'aria-label': t('cart.quantity', { title: item.title }) },
    button('−', t('cart.decrease', { title: item.title }), () => setQuantity(item.sku, inCart - 1)),
    h('output', { 'aria-live': 'polite' }, inCart),
    button('+', t('cart.increase', { title: item.title }), () => {
      setQuantity(item.sku, inCart + 1);
      telegram.haptic.added();
    }, { disabled: inCart >= maxQuantity(item) }));
}
