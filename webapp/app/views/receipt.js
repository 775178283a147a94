// A paid order's receipt: lines, total and order id. Shown after checkout and in My orders.
import { h } from './dom.js';
import { t } from '../i18n.js';

export function receiptView(order) {
  return h('div', { class: 'receipt' },
    h('ul', { class: 'receipt-lines' }, order.lines.map((line) =>
      h('li', {}, h('span', {}, `${line.title} × ${line.quantity}`), h('span', {}, line.lineDisplay)))),
    h('p', { class: 'total' }, h('span', {}, t('cart.total')), h('strong', {}, order.totalDisplay)),
    h('p', { class: 'muted small order-id' }, t('receipt.order', { id: order.id })));
}
