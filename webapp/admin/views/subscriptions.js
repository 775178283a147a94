import { getJson, postJson } from '../api.js';
import { h, table, when, status, problemBox, shortId } from '../dom.js';

/** Stars subscriptions: cancel stops renewals at the end of the paid period; re-enable undoes it. */
export async function subscriptionsView(view) {
  const subscriptions = await getJson('/api/admin/subscriptions');
  const message = h('div', { id: 'subscription-message' });
  view.replaceChildren(h('h1', {}, 'Subscriptions'), message, table([
    { label: 'Subscription', cell: (s) => h('span', { class: 'mono', title: s.id }, shortId(s.id)) },
    { label: 'Buyer', cell: (s) => `#${s.buyerId}` },
    { label: 'First order', cell: (s) => h('a', { href: `#/orders/${s.firstOrderId}`, class: 'mono' }, shortId(s.firstOrderId)) },
    { label: 'Price', num: true, cell: (s) => s.display },
    { label: 'Paid until', cell: (s) => when(s.expiresAt) },
    { label: 'Status', cell: (s) => status(s.status) },
    { label: '', cell: (s) => action(view, message, s) },
  ], subscriptions, { empty: 'No subscriptions yet.' }));
}

function action(view, message, subscription) {
  if (subscription.status === 'EXPIRED') return '';
  const cancel = subscription.status === 'ACTIVE';
  const button = h('button', { type: 'button', class: 'secondary' }, cancel ? 'Cancel renewals' : 'Re-enable');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await postJson(`/api/admin/subscriptions/${subscription.id}/${cancel ? 'cancel' : 'reenable'}`);
      await subscriptionsView(view);
    } catch (e) {
      message.replaceChildren(problemBox(e));
      button.disabled = false;
    }
  });
  return button;
}
