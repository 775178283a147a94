import { getJson, postJson, query } from '../api.js';
import { h, table, amount, when, status, problemBox, shortId } from '../dom.js';
import { trackingFields } from './shipment.js';

const STATES = ['PENDING_PAYMENT', 'PAID', 'FULFILLED', 'CANCELLED', 'EXPIRED', 'REFUNDED', 'NEEDS_REVIEW'];
const PAGE_SIZE = 25;

// Kept across visits so "back" from an order returns to the same filtered list.
const remembered = { filters: {}, cursors: [''] };

/** The order list with filters and pages; with {review: true}, the NEEDS_REVIEW queue. */
export async function ordersView(view, { review }) {
  const state = review ? { filters: { status: 'NEEDS_REVIEW' }, cursors: [''] } : remembered;
  const results = h('div', { id: 'order-results' });
  const heading = review
    ? h('p', { class: 'lead' }, 'Orders whose money arrived but could not be honoured as they were: '
      + 'paid after expiry or cancel, a mismatch, or paid again after a refund. Open one to refund it.')
    : filterForm(state, () => { state.cursors = ['']; load(state, results, review); });
  const parked = h('div', { id: 'parked-updates' });
  view.replaceChildren(h('h1', {}, review ? 'Review queue' : 'Orders'), heading, parked, results);
  if (review) await loadParked(parked);
  await load(state, results, review);
}

/**
 * Telegram updates that failed every attempt and were set aside (docs/telegram.md, "Poison
 * updates"): shown above the orders, and only when there are any that no later delivery processed.
 */
async function loadParked(box) {
  let page;
  try {
    page = await getJson('/api/admin/updates/parked?limit=50');
  } catch (e) {
    return; // the order queue still shows
  }
  const open = page.parked.filter((p) => !p.processed);
  if (open.length === 0) return;
  box.replaceChildren(
    h('h2', {}, `Telegram updates parked (${open.length})`),
    h('p', { class: 'lead' }, 'These failed on every attempt and were set aside so later updates could go on. '
      + 'Fix the cause, then post the payload to the webhook again (GET /api/admin/updates/parked has it).'),
    table([
      { label: 'Update', cell: (p) => String(p.updateId) },
      { label: 'Kind', cell: (p) => p.kind },
      { label: 'Source', cell: (p) => p.source },
      { label: 'Attempts', cell: (p) => String(p.attempts) },
      { label: 'Problem', cell: (p) => `${p.problem}: ${p.reason}` },
      { label: 'Parked', cell: (p) => when(p.parkedAt) },
    ], open));
}

function filterForm(state, apply) {
  const f = state.filters;
  const field = (label, input) => h('label', { class: 'field' }, h('span', {}, label), input);
  const form = h('form', { class: 'filters', id: 'order-filters' },
    field('Status', h('select', { name: 'status' }, h('option', { value: '' }, 'Any'),
      STATES.map((s) => h('option', { value: s, selected: f.status === s }, s)))),
    field('Currency', h('input', { name: 'currency', value: f.currency || '', placeholder: 'XTR, USD…', size: 6 })),
    field('Created from (UTC day)', h('input', { name: 'from', type: 'date', value: f.from || '' })),
    field('to (inclusive)', h('input', { name: 'to', type: 'date', value: f.to || '' })),
    field('Buyer', h('input', { name: 'buyer', value: f.buyer || '', placeholder: 'user id or @username' })),
    h('button', { type: 'submit', class: 'primary' }, 'Apply'),
    h('button', { type: 'reset', class: 'secondary' }, 'Clear'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    state.filters = Object.fromEntries(new FormData(form));
    apply();
  });
  form.addEventListener('reset', () => setTimeout(() => form.requestSubmit()));
  return form;
}

async function load(state, results, review) {
  const cursor = state.cursors[state.cursors.length - 1];
  let page;
  try {
    page = await getJson(`/api/admin/orders${query({ ...state.filters, limit: PAGE_SIZE, cursor })}`);
  } catch (e) {
    results.replaceChildren(problemBox(e));
    return;
  }
  const base = review ? 'review' : 'orders';
  const selected = new Set();
  const reload = () => load(state, results, review);
  results.replaceChildren(
    review ? null : bulkBar(selected, reload),
    table(review ? columns() : [selectColumn(selected), ...columns()], page.orders, {
      empty: review ? 'No order needs review.' : 'No orders match these filters.',
      onRow: (row) => { location.hash = `#/${base}/${row.id}`; },
    }),
    pager(state, page, () => load(state, results, review)));
}

/** A checkbox per paid order, for marking many at once; a click on it does not open the order. */
function selectColumn(selected) {
  return {
    label: 'Ship',
    cell: (o) => (o.status !== 'PAID' ? '' : h('input', {
      type: 'checkbox', class: 'select-order', 'aria-label': `Select order ${shortId(o.id)}`, value: o.id,
      onclick: (event) => {
        event.stopPropagation();
        if (event.target.checked) selected.add(o.id); else selected.delete(o.id);
      },
    })),
  };
}

// The bulk form stays open across reloads of the list while the operator works through orders.
let bulkOpen = false;

/**
 * Marks the selected orders PACKED or SHIPPED in one request (POST /api/admin/orders/fulfilment):
 * all or nothing, so a refusal names the order that stopped it and no order was changed.
 */
function bulkBar(selected, reload) {
  const tracking = trackingFields();
  const result = h('div', { id: 'bulk-result', role: 'status' });
  const mark = async (step) => {
    if (selected.size === 0) {
      result.replaceChildren(h('p', { class: 'muted' }, 'Select paid orders first.'));
      return;
    }
    try {
      const body = { orderIds: [...selected], step, ...(step === 'SHIPPED' ? tracking.values() : {}) };
      const done = await postJson('/api/admin/orders/fulfilment', body);
      await reload();
      document.getElementById('bulk-result')?.replaceChildren(
        h('div', { class: 'notice' }, `Marked ${done.orders.length} orders ${step}.`));
    } catch (e) {
      result.replaceChildren(problemBox(e));
    }
  };
  const details = h('details', { class: 'bulk', id: 'bulk-shipping', open: bulkOpen },
    h('summary', {}, 'Mark selected orders shipped or packed'),
    h('div', { class: 'bulk-row' },
      h('button', { type: 'button', class: 'secondary', id: 'bulk-packed', onclick: () => mark('PACKED') }, 'Mark PACKED'),
      ...tracking.fields,
      h('button', { type: 'button', class: 'secondary', id: 'bulk-shipped', onclick: () => mark('SHIPPED') }, 'Mark SHIPPED')));
  details.addEventListener('toggle', () => { bulkOpen = details.open; });
  return h('div', {}, details, result);
}

function columns() {
  return [
    { label: 'Order', cell: (o) => h('a', { href: `#/orders/${o.id}`, class: 'mono', title: o.id }, shortId(o.id)) },
    { label: 'Created', cell: (o) => when(o.createdAt) },
    { label: 'Status', cell: (o) => status(o.status) },
    { label: 'Buyer', cell: (o) => buyerText(o.buyer) },
    { label: 'Total', num: true, cell: (o) => amount(o.total) },
    { label: 'Paid', num: true, cell: (o) => (o.paid.amount ? amount(o.paid) : '—') },
    { label: 'Refunded', num: true, cell: (o) => (o.refunded.amount ? amount(o.refunded) : '—') },
    { label: 'Source', cell: (o) => h('span', { class: 'mono' }, o.source) },
  ];
}

export function buyerText(buyer) {
  const handle = buyer.username ? `@${buyer.username}` : null;
  return [buyer.name, handle, `#${buyer.id}`].filter(Boolean).join(' · ');
}

function pager(state, page, reload) {
  const pageNo = state.cursors.length;
  const previous = h('button', { type: 'button', class: 'secondary', disabled: pageNo === 1 }, '← Newer');
  const next = h('button', { type: 'button', class: 'secondary', disabled: !page.nextCursor }, 'Older →');
  previous.addEventListener('click', () => { state.cursors.pop(); reload(); });
  next.addEventListener('click', () => { state.cursors.push(page.nextCursor); reload(); });
  return h('div', { class: 'pager' }, previous, h('span', {}, `Page ${pageNo}`), next);
}
