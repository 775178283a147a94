import { getJson, postJson } from '../api.js';
import { h, table, amount, money, when, status, problemBox, section } from '../dom.js';
import { buyerText } from './orders.js';
import { refreshReviewCount } from '../badges.js';
import { shippingSection, deliveriesSection, approvePanel } from './shipment.js';

/** One order: what was bought, by whom, the money, the books and everything that happened. */
export async function orderDetailView(view, id, notice) {
  const [order, ledger, shipment] = await Promise.all([
    getJson(`/api/admin/orders/${encodeURIComponent(id)}`),
    getJson(`/api/admin/ledger/transactions?orderId=${encodeURIComponent(id)}`),
    getJson(`/api/admin/orders/${encodeURIComponent(id)}/fulfilment`),
  ]);
  const reload = (message) => orderDetailView(view, id, message);
  view.replaceChildren(...[
    h('p', {}, h('a', { href: '#/orders' }, '← Orders')),
    h('h1', {}, 'Order ', h('span', { class: 'mono' }, order.id)),
    notice ? h('div', { class: 'notice', role: 'status' }, notice) : null,
    summary(order),
    refundPanel(view, order),
    approvePanel(order, reload),
    shippingSection(shipment, reload),
    deliveriesSection(order, reload),
    section('Lines', linesTable(order)),
    section('Payments', paymentsTable(order)),
    section('Ledger transactions', ledgerTable(ledger)),
    section('Timeline', timeline(order))].filter(Boolean));
}

function summary(order) {
  const row = (label, value) => [h('dt', {}, label), h('dd', {}, value)];
  return h('dl', { class: 'summary', id: 'order-summary' },
    row('Status', status(order.status)),
    order.promoCode ? row('Promo code', h('span', { class: 'mono', id: 'order-promo-code' }, order.promoCode)) : null,
    order.promoCode ? row('Discount', h('span', { id: 'order-discount' }, '−', amount(order.discount))) : null,
    row('Total', amount(order.total)),
    order.charged ? row('Charged', amount(order.charged)) : null,
    row('Buyer', buyerText(order.buyer)),
    row('Created', when(order.createdAt)),
    row('Pays until', when(order.expiresAt)),
    row('Updated', when(order.updatedAt)),
    row('Source', attributionText(order.attribution)));
}

/** Where the order came from: the Mini App link's parts, or "direct" when it was opened without one. */
function attributionText(attribution) {
  if (!attribution) return 'direct';
  const parts = [attribution.source, attribution.campaign && `campaign ${attribution.campaign}`,
    attribution.referrer && `referrer ${attribution.referrer}`];
  return [parts.filter(Boolean).join(' · '), h('span', { class: 'mono hint' }, ` (startapp=${attribution.startParam})`)];
}

function linesTable(order) {
  return table([
    { label: '#', cell: (l) => l.lineNo },
    { label: 'SKU', cell: (l) => h('span', { class: 'mono' }, l.sku) },
    { label: 'Title', cell: (l) => l.title },
    { label: 'Kind', cell: (l) => l.kind },
    { label: 'Qty', num: true, cell: (l) => l.quantity },
    { label: 'Unit price', num: true, cell: (l) => amount(l.unitPrice) },
    { label: 'Line total', num: true, cell: (l) => amount(l.lineTotal) },
  ], order.lines);
}

function paymentsTable(order) {
  return table([
    { label: 'When', cell: (p) => when(p.occurredAt) },
    { label: 'Kind', cell: (p) => p.kind },
    { label: 'Amount', num: true, cell: (p) => amount(p.total) },
    { label: 'Telegram charge', cell: (p) => h('span', { class: 'mono' }, p.telegramPaymentChargeId) },
    { label: 'Provider charge / reference', cell: (p) => p.reference || p.providerPaymentChargeId || '—' },
    { label: 'Source', cell: (p) => p.source },
    { label: 'Review', cell: (p) => (p.needsReview ? p.reviewReason || 'needs review' : '') },
  ], order.payments, { empty: 'No money recorded for this order.' });
}

function ledgerTable(transactions) {
  const rows = transactions.flatMap((t) => t.postings.map((p, i) => ({ t, p, first: i === 0 })));
  return table([
    { label: 'Tx', cell: (r) => (r.first ? `#${r.t.id}` : '') },
    { label: 'Kind', cell: (r) => (r.first ? r.t.kind + (r.t.reversesTransactionId ? ` (reverses #${r.t.reversesTransactionId})` : '') : '') },
    { label: 'When', cell: (r) => (r.first ? when(r.t.occurredAt) : '') },
    { label: 'Account', cell: (r) => r.p.account },
    { label: 'Debit', num: true, cell: (r) => (r.p.side === 'debit' ? money(r.p.amountDecimal, r.t.currency) : '') },
    { label: 'Credit', num: true, cell: (r) => (r.p.side === 'credit' ? money(r.p.amountDecimal.replace(/^-/, ''), r.t.currency) : '') },
  ], rows, { empty: 'Nothing booked for this order.' });
}

function timeline(order) {
  return h('ol', { class: 'timeline', id: 'timeline' }, order.timeline.map((event) => h('li', {},
    h('time', { datetime: event.at }, when(event.at)), ' ',
    h('strong', { class: 'event-kind' }, event.kind),
    event.detail ? h('span', { class: 'event-detail' }, ` — ${event.detail}`) : null)));
}

function refundPanel(view, order) {
  if (!order.refund.possible) {
    return h('p', { class: 'muted' }, 'No payment on this order is left to refund.');
  }
  const button = h('button', { type: 'button', class: 'danger', id: 'refund' }, 'Refund…');
  button.addEventListener('click', () => confirmRefund(view, order));
  return h('div', { class: 'actions' }, button);
}

function confirmRefund(view, order) {
  const charge = order.payments.find((p) => p.kind === 'PAYMENT' || p.kind === 'RENEWAL');
  const reference = order.refund.needsReference
    ? h('input', { name: 'reference', required: true, maxlength: 255, placeholder: 're_…' }) : null;
  const error = h('div', { class: 'dialog-error' });
  const confirm = h('button', { type: 'submit', class: 'danger', id: 'confirm-refund' }, `Refund ${amount(charge.total)}`);
  const cancel = h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, 'Keep the payment');
  const form = h('form', { method: 'dialog' },
    h('h2', {}, 'Refund this order?'),
    h('p', {}, `${amount(charge.total)} goes back to ${buyerText(order.buyer)}. `,
      order.refund.needsReference
        ? 'Refund the card payment at the provider first, then enter the provider\'s refund reference.'
        : 'Telegram returns the Stars to the buyer. This cannot be undone.'),
    reference ? h('label', { class: 'field' }, h('span', {}, 'Provider refund reference'), reference) : null,
    error, h('div', { class: 'dialog-buttons' }, cancel, confirm));
  const dialog = h('dialog', { class: 'confirm', id: 'refund-dialog' }, form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    confirm.disabled = true;
    try {
      const refund = await postJson(`/api/admin/orders/${order.id}/refund`,
        reference ? { reference: reference.value.trim() } : {});
      dialog.close();
      refreshReviewCount();
      await orderDetailView(view, order.id, `Refunded ${amount(charge.total)} — `
        + `charge ${refund.telegramPaymentChargeId}.`);
    } catch (e) {
      error.replaceChildren(problemBox(e));
      confirm.disabled = false;
    }
  });
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}
