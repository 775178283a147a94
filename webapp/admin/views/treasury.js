import { getJson, postJson } from '../api.js';
import { h, table, when, status, problemBox, section } from '../dom.js';

/**
 * The Stars treasury: the latest tie-out of Telegram's balance with the ledger (and what explains a
 * difference), a button to tie out now, per day earned, held, withdrawable, in transit and withdrawn, and
 * the XTR rates with a form to enter one.
 */
export async function treasuryView(view) {
  const [tieOuts, days, rates] = await Promise.all([
    getJson('/api/admin/treasury/tie-outs?limit=20'),
    getJson('/api/admin/treasury/days'),
    getJson('/api/admin/books/xtr-rates?limit=30'),
  ]);
  const message = h('div', { id: 'treasury-message' });
  const tieOutNow = h('button', { type: 'button', class: 'primary', id: 'tie-out-now' }, 'Tie out now');
  tieOutNow.addEventListener('click', async () => {
    tieOutNow.disabled = true;
    try {
      await postJson('/api/admin/treasury/tie-outs');
      await treasuryView(view);
    } catch (e) {
      message.replaceChildren(problemBox(e));
      tieOutNow.disabled = false;
    }
  });
  view.replaceChildren(h('h1', {}, 'Treasury'), h('div', { class: 'actions' }, tieOutNow), message,
    latest(tieOuts[0]),
    section('Tie-outs', table([
      { label: 'Tie-out', cell: (t) => `#${t.id}` },
      { label: 'Checked', cell: (t) => when(t.checkedAt) },
      { label: 'Status', cell: (t) => status(t.status) },
      { label: 'Telegram', num: true, cell: (t) => `${t.telegramBalance} ⭐` },
      { label: 'Ledger', num: true, cell: (t) => `${t.ledgerPosition} ⭐` },
      { label: 'Difference', num: true, cell: (t) => t.difference },
      { label: 'Explained', num: true, cell: (t) => t.explained },
      { label: 'Run', cell: (t) => h('a', { href: '#/reconciliation' }, `#${t.runId}`) },
    ], tieOuts, { empty: 'No tie-out yet: run one, or wait for the daily reconciliation.' })),
    section(`Per day (UTC; Stars held ${days.holdDays} days before they are withdrawable)`, table([
      { label: 'Day', cell: (d) => d.day },
      { label: 'Earned', num: true, cell: (d) => d.earned },
      { label: 'Position', num: true, cell: (d) => d.position },
      { label: 'Held', num: true, cell: (d) => d.held },
      { label: 'Withdrawable', num: true, cell: (d) => d.withdrawable },
      { label: 'In transit', num: true, cell: (d) => d.inTransit },
      { label: 'Withdrawn', num: true, cell: (d) => d.withdrawn },
    ], [...days.days].reverse(), { empty: 'No days.' })),
    ratesSection(view, rates));
}

/** The XTR rates in the reporting currency, newest first, and a form to enter one (docs/accounting.md). */
function ratesSection(view, rates) {
  const error = h('div', { id: 'rate-message' });
  const field = (label, input) => h('label', { class: 'field' }, h('span', {}, label), input);
  const form = h('form', { class: 'filters', id: 'rate-form' },
    field('In force from (UTC day)', h('input', { name: 'effectiveOn', type: 'date', required: true })),
    field(`${rates.reportingCurrency} per Star`, h('input', { name: 'rate', required: true, inputmode: 'decimal',
      pattern: '[0-9]+([.][0-9]{1,12})?', placeholder: '0.013' })),
    field('Reference', h('input', { name: 'reference', maxlength: 200 })),
    h('button', { type: 'submit', class: 'primary' }, 'Enter rate'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const input = { effectiveOn: data.get('effectiveOn'), rate: data.get('rate') };
    if (data.get('reference')) input.reference = data.get('reference');
    try {
      await postJson('/api/admin/books/xtr-rates', input);
      await treasuryView(view);
    } catch (e) {
      error.replaceChildren(problemBox(e));
    }
  });
  return section(`XTR rates (${rates.reportingCurrency} per Star; locked onto each Stars transaction when booked)`,
    form, error, table([
      { label: 'In force from', cell: (r) => r.effectiveOn },
      { label: 'Rate', num: true, cell: (r) => r.rate },
      { label: 'Source', cell: (r) => r.source },
      { label: 'Reference', cell: (r) => r.reference || '' },
      { label: 'Entered', cell: (r) => when(r.createdAt) },
    ], rates.rates, { empty: 'No rate yet: Stars transactions are booked unvalued until one is in force.' }));
}

function latest(tieOut) {
  if (!tieOut) return h('p', { id: 'tie-out-latest' }, 'Telegram\'s balance has not been compared with the ledger yet.');
  const summary = tieOut.status === 'TIED'
    ? `Tied: Telegram and the ledger both hold ${tieOut.telegramBalance} ⭐.`
    : `${tieOut.status === 'EXPLAINED' ? 'Explained' : 'Not tied'}: Telegram holds ${tieOut.telegramBalance} ⭐, `
      + `the ledger ${tieOut.ledgerPosition} ⭐ (difference ${tieOut.difference}, explained ${tieOut.explained}).`;
  return section('Latest tie-out', h('p', { id: 'tie-out-latest' }, summary), tieOut.explanation.length === 0 ? null
    : table([
      { label: 'Telegram transaction', cell: (e) => h('span', { class: 'mono' }, e.telegramId) },
      { label: 'Kind', cell: (e) => e.kind },
      { label: 'Effect', num: true, cell: (e) => e.effect },
      { label: 'Why it is not in the ledger', cell: (e) => e.reason },
    ], tieOut.explanation));
}
