import { getJson, query } from '../api.js';
import { h, table, amount } from '../dom.js';

/** Which links sold: paid orders per source (the link's s_ part; "link" without one, "direct" without a link) and currency. */
export async function sourcesView(view) {
  const rows = await getJson('/api/admin/orders/sales-by-source' + query({}));
  view.replaceChildren(h('h1', {}, 'Sales by source'),
    h('p', { class: 'hint' }, 'Paid and fulfilled orders, per currency (never added across currencies).'),
    table([
      { label: 'Source', cell: (r) => h('span', { class: 'mono' }, r.source) },
      { label: 'Currency', cell: (r) => r.currency },
      { label: 'Orders', num: true, cell: (r) => r.orders },
      { label: 'Sales', num: true, cell: (r) => amount(r.total) },
    ], rows, { empty: 'No paid orders yet.' }));
}
