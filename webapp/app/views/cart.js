// The cart: quantities with +/−, remove, the total in the chosen currency and what blocks payment.
import { h, button } from './dom.js';
import { t } from '../i18n.js';
import { state, cartSummary, setQuantity, priceIn, maxQuantity, setPromoCode } from '../store.js';

function line({ sku, quantity, item }) {
  const price = priceIn(item);
  return h('li', { class: 'card cart-line' },
    h('div', { class: 'cart-line-text' },
      h('span', { class: 'cart-line-title' }, item.title),
      h('span', { class: 'muted small' }, price ? price.display : t('product.notInCurrency', { currency: state.currency }))),
    h('div', { class: 'stepper', role: 'group', 'aria-label': t('cart.quantity', { title: item.title }) },
      button('−', t('cart.decrease', { title: item.title }), () => setQuantity(sku, quantity - 1)),
      h('output', { 'aria-label': t('cart.quantity', { title: item.title }) }, quantity),
      button('+', t('cart.increase', { title: item.title }), () => setQuantity(sku, quantity + 1),
        { disabled: quantity >= maxQuantity(item) })),
    button(t('cart.removeShort'), t('cart.remove', { title: item.title }), () => setQuantity(sku, 0),
      { class: 'link danger' }));
}

/**
 * @param goToCatalog shown instead of the lines when the cart is empty
 * @param otherPayment {label, action} of the other way to pay, drawn in the page where Telegram has
 *   no SecondaryButton (before Bot API 7.10); null otherwise
 */
export function cartView(goToCatalog, otherPayment = null) {
  const summary = cartSummary();
  if (!summary.lines.length) {
    return h('section', { class: 'center' },
      h('p', { class: 'muted' }, t('cart.empty')),
      button(t('cart.browse'), t('cart.browse'), goToCatalog, { class: 'primary' }));
  }
  return h('section', { 'aria-label': t('nav.cart', { count: summary.lines.length }) },
    h('ul', { class: 'list' }, summary.lines.map(line)),
    h('p', { class: 'total' }, h('span', {}, t('cart.total')), h('strong', {}, summary.total)),
    summary.unpriced.length ? h('p', { class: 'warning' }, t('cart.unpriced', { currency: state.currency })) : null,
    summary.subscriptionNotAlone ? h('p', { class: 'warning' }, t('cart.subscriptionAlone')) : null,
    promoField(),
    otherPayment ? button(otherPayment.label, otherPayment.label, otherPayment.action,
      { class: 'secondary wide', id: 'pay-other' }) : null);
}

/** The code is checked by the engine when the order is placed; a refusal comes back as a notice. */
function promoField() {
  const input = h('input', { id: 'promo-code', class: 'promo', value: state.promoCode, maxlength: '32',
    autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false' });
  input.addEventListener('input', () => setPromoCode(input.value));
  return h('div', { class: 'promo-field' }, h('label', { for: 'promo-code' }, t('cart.promo')), input);
}
