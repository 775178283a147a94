// A paid order's receipt: lines, shipping and tip when charged, the total actually paid and the
// order id. Shown after checkout and in My orders.
import { h } from './dom.js';
import { t } from '../i18n.js';

export function receiptView(order) {
  const paid = order.payment;
  const extras = [];
  if (paid && paid.shippingAmount > 0) extras.push(row(t('receipt.shipping'), paid.shippingDisplay));
  if (paid && paid.tipAmount > 0) extras.push(row(t('receipt.tip'), paid.tipDisplay));
  return h('div', { class: 'receipt' },
    h('ul', { class: 'receipt-lines' }, [
      ...order.lines.map((line) => row(`${line.title} × ${line.quantity}`, line.lineDisplay)),
      ...extras]),
    h('p', { class: 'total' }, h('span', {}, t('cart.total')),
      h('strong', {}, paid ? paid.totalDisplay : order.totalDisplay)),
    h('p', { class: 'muted small order-id' }, t('receipt.order', { id: order.id })));
}

function row(label, amount) {
  return h('li', {}, h('span', {}, label), h('span', {}, amount));
}
