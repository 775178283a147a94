import { download, query } from '../api.js';
import { h, problemBox } from '../dom.js';

const STATES = ['PENDING_PAYMENT', 'PAID', 'FULFILLED', 'CANCELLED', 'EXPIRED', 'REFUNDED', 'NEEDS_REVIEW'];

/**
 * Files for accountants (docs/accounting.md). The export needs the Bearer header, so the file is
 * fetched by script and handed to the browser as a Blob download.
 */
export async function exportsView(view) {
  const today = new Date().toISOString().slice(0, 10);
  const monthStart = `${today.slice(0, 8)}01`;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const field = (label, input) => h('label', { class: 'field' }, h('span', {}, label), input);
  const result = h('div', { id: 'export-result', role: 'status' });
  const form = h('form', { class: 'filters export-form', id: 'export-form' },
    field('Export', h('select', { name: 'kind' }, ['ledger', 'orders', 'order-lines', 'summary'].map((k) => h('option', { value: k }, k)))),
    field('Format', h('select', { name: 'format' }, h('option', { value: 'csv' }, 'CSV'), h('option', { value: 'xlsx' }, 'Excel (xlsx)'))),
    field('From', h('input', { name: 'from', type: 'date', value: monthStart, required: true })),
    field('To', h('input', { name: 'to', type: 'date', value: today, required: true })),
    field('Time zone', h('input', { name: 'tz', value: zone })),
    field('Currency', h('input', { name: 'currency', placeholder: 'all', size: 6 })),
    field('Order status (orders, order-lines)', h('select', { name: 'status' }, h('option', { value: '' }, 'Any'), STATES.map((s) => h('option', { value: s }, s)))),
    field('Profile (ledger CSV)', h('select', { name: 'profile' }, ['', 'xero', 'quickbooks'].map((p) => h('option', { value: p }, p || 'canonical')))),
    h('label', { class: 'check' }, h('input', { name: 'bom', type: 'checkbox', value: 'true' }), ' BOM for Excel'),
    h('button', { type: 'submit', class: 'primary', id: 'download' }, 'Download'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const { kind, format, ...params } = Object.fromEntries(new FormData(form));
    result.replaceChildren('Preparing…');
    try {
      const name = await download(`/api/admin/exports/${kind}.${format}${query(params)}`, `${kind}.${format}`);
      result.replaceChildren(`Downloaded ${name}.`);
    } catch (e) {
      result.replaceChildren(problemBox(e));
    }
  });
  view.replaceChildren(h('h1', {}, 'Exports'),
    h('p', { class: 'lead' }, 'Days are whole local days in the time zone, from the start of "From" to the end of "To".'),
    form, result);
}
