import { getJson, postJson, putJson, postForm, query } from '../api.js';
import { h, table, money, problemBox, section } from '../dom.js';

const KINDS = ['DIGITAL', 'PHYSICAL', 'SUBSCRIPTION'];
const DELIVERIES = ['NONE', 'TEXT', 'CODES', 'FILE'];

/** The catalog with stock and prices per currency, and a form to add or change a product. */
export async function productsView(view, notice) {
  const [products, categories] = await Promise.all([getJson('/api/admin/products'), getJson('/api/admin/categories')]);
  const formSlot = h('div', { id: 'product-form-slot' });
  const edit = (product) => formSlot.replaceChildren(productForm(view, product, categories),
    ...(product ? [picturePanel(view, product), linkPanel(product)] : []));
  const add = h('button', { type: 'button', class: 'primary', id: 'new-product', onclick: () => edit(null) }, 'New product');
  view.replaceChildren(h('h1', {}, 'Products'),
    notice ? h('div', { class: 'notice', role: 'status' }, notice) : null,
    h('div', { class: 'actions' }, add), formSlot,
    table([
      { label: 'Picture', cell: (p) => thumbnail(p) },
      { label: 'SKU', cell: (p) => h('span', { class: 'mono' }, p.sku) },
      { label: 'Title', cell: (p) => p.title },
      { label: 'Kind', cell: (p) => p.kind },
      { label: 'Category', cell: (p) => p.category || '—' },
      { label: 'For sale', cell: (p) => (p.active ? 'yes' : 'no') },
      { label: 'Delivery', cell: (p) => (p.delivery ? p.delivery.kind : 'NONE') },
      { label: 'Stock', num: true, cell: (p) => (p.stock ?? 'unlimited') },
      { label: 'Prices', num: true, cell: (p) => p.prices.map((price) => money(price.decimal, price.currency)).join(' · ') },
      { label: '', cell: (p) => h('button', { type: 'button', class: 'secondary', onclick: () => edit(p) }, 'Edit') },
    ], products, { empty: 'No products yet.' }));
}

/**
 * Prices are typed in minor units ("USD 250" is 2.50 USD, "XTR 90" is 90 Stars): the console does
 * no decimal arithmetic on money; the list shows the engine's rendering after saving.
 */
function productForm(view, product, categories) {
  const p = product || { kind: 'DIGITAL', active: true, prices: [], delivery: { kind: 'NONE' } };
  const delivery = p.delivery || { kind: 'NONE' };
  const field = (label, input) => h('label', { class: 'field' }, h('span', {}, label), input);
  const error = h('div');
  const form = h('form', { class: 'filters', id: 'product-form' },
    field('SKU', h('input', { name: 'sku', value: p.sku || '', required: true, readOnly: Boolean(product) })),
    field('Title', h('input', { name: 'title', value: p.title || '', required: true, maxlength: 32 })),
    field('Description', h('input', { name: 'description', value: p.description || '', required: true, size: 40 })),
    field('Kind', h('select', { name: 'kind' }, KINDS.map((k) => h('option', { value: k, selected: p.kind === k }, k)))),
    field('Category', h('select', { name: 'category' }, h('option', { value: '' }, '(none)'),
      categories.map((c) => h('option', { value: c.slug, selected: p.category === c.slug }, c.title)))),
    field('Stock (empty: unlimited)', h('input', { name: 'stock', type: 'number', min: 0, value: p.stock ?? '' })),
    field('Prices in minor units', h('input', { name: 'prices', required: true, size: 24, placeholder: 'XTR 90, USD 250',
      value: p.prices.map((price) => `${price.currency} ${price.amount}`).join(', ') })),
    field('Delivery', h('select', { name: 'deliveryKind' },
      DELIVERIES.map((k) => h('option', { value: k, selected: delivery.kind === k }, k)))),
    field('Delivery text ({orderId}, {buyerName}, {productTitle}, {quantity}; {code} for CODES)',
      h('textarea', { name: 'deliveryText', rows: 2, cols: 40, maxlength: 4096 }, delivery.text || '')),
    h('label', { class: 'check' }, h('input', { name: 'protectContent', type: 'checkbox',
      checked: Boolean(delivery.protectContent) }), ' Protect content'),
    h('label', { class: 'check' }, h('input', { name: 'active', type: 'checkbox', checked: p.active }), ' For sale'),
    h('button', { type: 'submit', class: 'primary' }, product ? 'Save' : 'Create'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = productInput(new FormData(form), p.photoUrl);
    try {
      if (product) await putJson(`/api/admin/products/${encodeURIComponent(product.sku)}`, input);
      else await postJson('/api/admin/products', input);
      await productsView(view, `Saved ${input.sku}.`);
    } catch (e) {
      error.replaceChildren(problemBox(e));
    }
  });
  return section(product ? `Edit ${product.sku}` : 'New product', form, error);
}

function productInput(data, photoUrl) {
  const prices = String(data.get('prices')).split(',').map((part) => part.trim()).filter(Boolean).map((part) => {
    const [currency, amount] = part.split(/\s+/);
    return { currency: (currency || '').toUpperCase(), amount: Number(amount) };
  });
  const stock = String(data.get('stock')).trim();
  const deliveryText = String(data.get('deliveryText') || '').trim();
  return {
    sku: data.get('sku'), title: data.get('title'), description: data.get('description'), photoUrl: photoUrl || null,
    kind: data.get('kind'), active: data.get('active') === 'on', stock: stock === '' ? null : Number(stock), prices,
    delivery: { kind: data.get('deliveryKind'), text: deliveryText === '' ? null : deliveryText,
      protectContent: data.get('protectContent') === 'on' },
    category: data.get('category') || null,
  };
}

function thumbnail(p) {
  const src = p.image ? p.image.srcset.split(', ')[0].split(' ')[0] : p.photoUrl;
  return src ? h('img', { class: 'thumb', src, alt: `Picture of ${p.title}`, width: 40, height: 40 }) : '—';
}

/** PNG, JPEG or WebP; the engine checks the bytes, limits size and pixels and strips metadata. */
function picturePanel(view, product) {
  const error = h('div');
  const input = h('input', { type: 'file', name: 'image', accept: 'image/png,image/jpeg,image/webp',
    'aria-label': `Picture for ${product.sku}` });
  const upload = h('button', { type: 'button', class: 'primary', onclick: async () => {
    if (!input.files.length) return;
    const form = new FormData();
    form.append('image', input.files[0]);
    try {
      await postForm(`/api/admin/products/${encodeURIComponent(product.sku)}/image`, form);
      await productsView(view, `Picture saved for ${product.sku}.`);
    } catch (e) {
      error.replaceChildren(problemBox(e));
    }
  } }, 'Upload picture');
  return section(`Picture of ${product.sku}`, product.image
    ? h('img', { class: 'preview', src: product.image.url, alt: `Current picture of ${product.title}` }) : null,
  h('div', { class: 'actions' }, input, upload), error);
}

/** The product's t.me link (with an optional source and campaign for attribution) and its QR code. */
function linkPanel(product) {
  const out = h('div', { id: 'product-link' });
  const source = h('input', { name: 'source', placeholder: 'instagram', size: 14, 'aria-label': 'Source' });
  const campaign = h('input', { name: 'campaign', placeholder: 'spring-sale', size: 14, 'aria-label': 'Campaign' });
  const show = async () => {
    try {
      const link = await getJson(`/api/admin/products/${encodeURIComponent(product.sku)}/link`
        + query({ source: source.value.trim(), campaign: campaign.value.trim() }));
      out.replaceChildren(link.url
        ? h('p', {}, h('a', { href: link.url, class: 'mono', target: '_blank', rel: 'noopener' }, link.url))
        : h('p', { class: 'hint' }, link.missing, ` (startapp=${link.startParam})`),
      link.qrSvg ? h('img', { class: 'qr', alt: `QR code of ${link.url}`, width: 160, height: 160,
        src: 'data:image/svg+xml;base64,' + btoa(link.qrSvg) }) : null);
    } catch (e) {
      out.replaceChildren(problemBox(e));
    }
  };
  show();
  return section(`Link to ${product.sku}`, h('div', { class: 'actions' }, source, campaign,
    h('button', { type: 'button', class: 'secondary', onclick: show }, 'Make link')), out);
}
