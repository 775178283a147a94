import { getJson } from '../api.js';
import { h, table, money, exponentOf, decimalOf } from '../dom.js';

/** Balances per account, one table per currency: amounts in different currencies are never added up. */
export async function ledgerView(view) {
  const balances = await getJson('/api/admin/ledger/balances');
  const currencies = [...new Set(balances.map((b) => b.currency))].sort();
  view.replaceChildren(h('h1', {}, 'Ledger balances'),
    h('p', { class: 'lead' }, 'Debits are positive, credits negative; each currency balances to zero on its own.'),
    currencies.length ? null : h('p', { class: 'empty' }, 'Nothing booked yet.'),
    ...currencies.map((currency) => h('section', { class: 'panel', 'data-currency': currency },
      h('h2', {}, currency === 'XTR' ? 'Telegram Stars (XTR)' : currency),
      table([
        { label: 'Account', cell: (b) => h('span', { class: 'mono' }, b.account) },
        { label: 'Debits', num: true, cell: (b) => money(decimalOf(b.debits, exponentOf(b.balanceDecimal)), b.currency) },
        { label: 'Credits', num: true, cell: (b) => money(decimalOf(b.credits, exponentOf(b.balanceDecimal)), b.currency) },
        { label: 'Balance', num: true, cell: (b) => money(b.balanceDecimal, b.currency) },
      ], balances.filter((b) => b.currency === currency)))));
}
