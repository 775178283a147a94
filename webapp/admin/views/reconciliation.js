import { getJson, postJson } from '../api.js';
import { h, table, when, status, problemBox, section } from '../dom.js';

/** Runs that matched the ledger against Telegram's Stars history, and what each one found. */
export async function reconciliationView(view, openRun) {
  const runs = await getJson('/api/admin/reconciliation/runs?limit=50');
  const message = h('div', { id: 'reconciliation-message' });
  const runNow = h('button', { type: 'button', class: 'primary', id: 'run-reconciliation' }, 'Run now');
  runNow.addEventListener('click', async () => {
    runNow.disabled = true;
    try {
      const run = await postJson('/api/admin/reconciliation/runs');
      await reconciliationView(view, run);
    } catch (e) {
      message.replaceChildren(problemBox(e));
      runNow.disabled = false;
    }
  });
  const findings = h('div', { id: 'findings' });
  view.replaceChildren(h('h1', {}, 'Reconciliation'), h('div', { class: 'actions' }, runNow), message,
    table([
      { label: 'Run', cell: (r) => `#${r.id}` },
      { label: 'Trigger', cell: (r) => r.trigger },
      { label: 'Started', cell: (r) => when(r.startedAt) },
      { label: 'Status', cell: (r) => status(r.status) },
      { label: 'Seen', num: true, cell: (r) => r.transactionsSeen },
      { label: 'Matched', num: true, cell: (r) => r.matched },
      { label: 'Recorded', num: true, cell: (r) => r.recorded },
      { label: 'Flagged', num: true, cell: (r) => r.flagged },
      { label: 'Failure', cell: (r) => r.failure || '' },
    ], runs, { empty: 'No runs yet.', onRow: (r) => showFindings(findings, r.id) }),
    findings);
  if (openRun) showFindings(findings, openRun.id);
}

async function showFindings(target, id) {
  try {
    const run = await getJson(`/api/admin/reconciliation/runs/${id}`);
    target.replaceChildren(section(`Findings of run #${run.id}`, table([
      { label: 'Kind', cell: (f) => f.kind },
      { label: 'Telegram charge', cell: (f) => h('span', { class: 'mono' }, f.telegramPaymentChargeId) },
      { label: 'What was found', cell: (f) => f.detail },
      { label: 'Action', cell: (f) => f.action },
    ], run.findings, { empty: 'Everything matched.' })));
  } catch (e) {
    target.replaceChildren(problemBox(e));
  }
}
