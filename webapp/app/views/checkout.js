// The checkout screen: what the engine says about the order being paid, never what the
// invoice callback guessed.
import { h, button } from './dom.js';
import { t, errorText } from '../i18n.js';
import { view, checkStatus, retryInvoice } from '../checkout.js';
import { receiptView } from './receipt.js';

const WAITING = { creating: 'checkout.creating', awaiting: 'checkout.awaiting', confirming: 'checkout.confirming',
  processing: 'checkout.processing', slow: 'checkout.slow' };

function checkStatusButton() {
  return button(t('checkout.checkStatus'), t('checkout.checkStatus'), checkStatus, { class: 'secondary' });
}

function waiting(phase) {
  return h('section', { class: 'center', 'aria-busy': String(phase !== 'slow') },
    phase === 'slow' ? null : h('div', { class: 'spinner', 'aria-hidden': 'true' }),
    h('p', {}, t(WAITING[phase])),
    view.message ? h('p', { class: 'muted' }, t(view.message)) : null,
    view.error ? h('p', { class: 'warning' }, errorText(view.error)) : null,
    phase === 'creating' ? null : checkStatusButton());
}

/** @param continueShopping where the receipt's button goes */
export function checkoutView(continueShopping) {
  const { phase, order, error } = view;
  if (phase in WAITING) return waiting(phase);
  if (phase === 'paid') {
    return h('section', {},
      h('h2', { class: 'success' }, t('receipt.title')),
      receiptView(order),
      button(t('receipt.continue'), t('receipt.continue'), continueShopping, { class: 'primary wide' }));
  }
  if (phase === 'invoice-failed') {
    return h('section', { class: 'center' },
      h('p', {}, t('checkout.invoiceFailed')),
      h('p', { class: 'muted' }, errorText(error)),
      button(t('checkout.retryInvoice'), t('checkout.retryInvoice'), retryInvoice, { class: 'primary' }));
  }
  if (phase === 'unsupported') return h('p', { class: 'warning' }, t('checkout.unsupported'));
  if (phase === 'unpayable') {
    return h('p', { class: 'warning' }, order.status === 'NEEDS_REVIEW' ? t('checkout.needsReview')
      : t('checkout.closedOrder', { status: t('status.' + order.status) }));
  }
  if (phase === 'error') return h('p', { class: 'warning' }, errorText(error));
  return h('p', { class: 'muted center' }, t('loading'));
}
