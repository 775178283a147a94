// My orders (statuses, receipts, paying an open order) and subscriptions (cancel / re-enable).
import { h, button } from './dom.js';
import { t, errorText, formatDate } from '../i18n.js';
import { receiptView } from './receipt.js';

const PAID = ['PAID', 'FULFILLED', 'REFUNDED'];
const loaded = { orders: null, subscriptions: null, error: null, notice: null, openReceipts: new Set() };

/** Fetches both lists; the view shows "loading" until they arrive. */
export async function loadOrders(api, rerender) {
  loaded.error = null;
  try {
    [loaded.orders, loaded.subscriptions] = await Promise.all([api.orders(), api.subscriptions()]);
  } catch (error) {
    loaded.error = error;
  }
  rerender();
}

function orderCard(order, onPay, rerender) {
  const short = order.id.slice(0, 8);
  const payable = order.status === 'PENDING_PAYMENT' && new Date(order.expiresAt) > new Date();
  const receiptOpen = loaded.openReceipts.has(order.id);
  const toggleReceipt = () => {
    if (receiptOpen) loaded.openReceipts.delete(order.id);
    else loaded.openReceipts.add(order.id);
    rerender();
  };
  return h('li', { class: 'card order' },
    h('div', { class: 'order-head' },
      h('strong', {}, order.totalDisplay),
      h('span', { class: 'status status-' + order.status.toLowerCase() }, t('status.' + order.status))),
    h('p', { class: 'muted small' }, order.lines.map((l) => `${l.title} × ${l.quantity}`).join(', ')),
    h('p', { class: 'muted small' }, t('orders.created', { date: formatDate(order.createdAt) })),
    h('div', { class: 'order-actions' },
      payable ? button(t('orders.pay'), t('orders.pay.label', { id: short }), () => onPay(order), { class: 'primary' }) : null,
      PAID.includes(order.status) ? button(t('orders.receipt'), t('orders.receipt.label', { id: short }), toggleReceipt,
        { class: 'secondary', 'aria-expanded': String(receiptOpen) }) : null),
    receiptOpen ? receiptView(order) : null);
}

function subscriptionCard(subscription, api, rerender) {
  const date = formatDate(subscription.expiresAt);
  const change = async (call, notice) => {
    try {
      const updated = await call(subscription.id);
      loaded.subscriptions = loaded.subscriptions.map((s) => (s.id === updated.id ? updated : s));
      loaded.notice = t(notice);
    } catch (error) {
      loaded.notice = errorText(error);
    }
    rerender();
  };
  return h('li', { class: 'card order' },
    h('div', { class: 'order-head' },
      h('strong', {}, `${subscription.amount} ⭐`),
      h('span', { class: 'status status-' + subscription.status.toLowerCase() }, t('status.' + subscription.status))),
    h('p', { class: 'muted small' }, t('subs.until', { date })),
    h('div', { class: 'order-actions' },
      subscription.status === 'ACTIVE' ? button(t('subs.cancel'), t('subs.cancel.label', { date }),
        () => change(api.cancelSubscription, 'subs.cancelled'), { class: 'secondary' }) : null,
      subscription.status === 'CANCELLED' ? button(t('subs.reenable'), t('subs.reenable.label', { date }),
        () => change(api.reenableSubscription, 'subs.reenabled'), { class: 'secondary' }) : null));
}

export function ordersView(api, onPay, rerender) {
  if (loaded.error) return h('p', { class: 'warning' }, errorText(loaded.error));
  if (!loaded.orders) return h('p', { class: 'muted center' }, t('loading'));
  return h('section', {},
    h('h2', {}, t('orders.title')),
    loaded.orders.length ? h('ul', { class: 'list' }, loaded.orders.map((o) => orderCard(o, onPay, rerender)))
      : h('p', { class: 'muted' }, t('orders.empty')),
    h('h2', {}, t('subs.title')),
    loaded.notice ? h('p', { class: 'notice-inline', role: 'status' }, loaded.notice) : null,
    loaded.subscriptions.length
      ? h('ul', { class: 'list' }, loaded.subscriptions.map((s) => subscriptionCard(s, api, rerender)))
      : h('p', { class: 'muted' }, t('subs.empty')));
}
