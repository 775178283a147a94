import { getJson } from '../api.js';
import { h, table, money } from '../dom.js';

/** The catalog as the engine sells it, prices in every currency it takes. */
export async function productsView(view) {
  const products = await getJson('/api/admin/products');
  view.replaceChildren(h('h1', {}, 'Products'),
    h('p', { class: 'lead' }, 'Create and edit products through POST/PUT /api/admin/products (docs/catalog.md).'),
    table([
      { label: 'SKU', cell: (p) => h('span', { class: 'mono' }, p.sku) },
      { label: 'Title', cell: (p) => p.title },
      { label: 'Kind', cell: (p) => p.kind },
      { label: 'For sale', cell: (p) => (p.active ? 'yes' : 'no') },
      { label: 'Stock', num: true, cell: (p) => (p.stock ?? 'unlimited') },
      { label: 'Prices', num: true, cell: (p) => p.prices.map((price) => money(price.decimal, price.currency)).join(' · ') },
    ], products, { empty: 'No products yet.' }));
}
