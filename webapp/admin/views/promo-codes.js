import { getJson, postJson } from '../api.js';
import { h, table, when, problemBox, section } from '../dom.js';

/** Promo codes with their uses, a form to add one, and a button to withdraw one. */
export async function promoCodesView(view, notice) {
  const [codes, categories] = await Promise.all([getJson('/api/admin/promo-codes'), getJson('/api/admin/categories')]);
  const error = h('div');
  view.replaceChildren(h('h1', {}, 'Promo codes'),
    notice ? h('div', { class: 'notice', role: 'status' }, notice) : null,
    promoForm(view, categories), error,
    table([
      { label: 'Code', cell: (c) => h('span', { class: 'mono' }, c.code) },
      { label: 'Takes off', cell: discountText },
      { label: 'Minimum order', cell: (c) => amountsText(c.minimumOrder) || '—' },
      { label: 'Applies to', cell: scopeText },
      { label: 'Valid', cell: (c) => windowText(c) },
      { label: 'Uses (held / paid)', num: true, cell: (c) => `${c.usesHeld} / ${c.usesPaid}` },
      { label: 'Limits (total / per buyer)', num: true, cell: (c) => `${c.maxUses ?? '∞'} / ${c.maxUsesPerBuyer ?? '∞'}` },
      { label: 'Active', cell: (c) => (c.active ? 'yes' : 'no') },
      { label: '', cell: (c) => (c.active ? h('button', { type: 'button', class: 'secondary',
        'data-deactivate': c.code, onclick: (event) => deactivate(view, c, error, event.currentTarget) },
      'Deactivate') : '') },
    ], codes, { empty: 'No promo codes yet.' }));
}

/** The first click asks, the second acts: unpaid orders holding the code will be refused at payment. */
async function deactivate(view, code, error, button) {
  if (button.dataset.armed !== 'true') {
    button.dataset.armed = 'true';
    button.textContent = `Really deactivate ${code.code}? Unpaid orders with it cannot be paid`;
    return;
  }
  try {
    await postJson(`/api/admin/promo-codes/${code.id}/deactivate`, {});
    await promoCodesView(view, `Deactivated ${code.code}.`);
  } catch (e) {
    error.replaceChildren(problemBox(e));
  }
}

function scopeText(code) {
  if (code.scope === 'CATEGORIES') return `categories: ${code.categories.join(', ') || 'none left'}`;
  return code.scope === 'SKUS' ? code.skus.join(', ') : 'whole order';
}

function discountText(code) {
  return code.kind === 'PERCENT' ? `${code.percentOff}%` : amountsText(code.amountsOff);
}

/** Amounts stay in minor units, as typed ("USD 200" is 2.00 USD): the console does no money arithmetic. */
function amountsText(amounts) {
  return Object.entries(amounts || {}).map(([currency, minor]) => `${currency} ${minor}`).join(', ');
}

function windowText(code) {
  if (!code.startsAt && !code.endsAt) return 'always';
  return `${code.startsAt ? when(code.startsAt) : '…'} → ${code.endsAt ? when(code.endsAt) : '…'}`;
}

function promoForm(view, categories) {
  const field = (label, input) => h('label', { class: 'field' }, h('span', {}, label), input);
  const error = h('div');
  const form = h('form', { class: 'filters', id: 'promo-form' },
    field('Code', h('input', { name: 'code', required: true, maxlength: 32, placeholder: 'SPRING25' })),
    field('Percent off (1–100)', h('input', { name: 'percentOff', type: 'number', min: 1, max: 100 })),
    field('or amount off, minor units', h('input', { name: 'amountsOff', size: 20, placeholder: 'USD 200, XTR 50' })),
    field('Minimum order, minor units', h('input', { name: 'minimumOrder', size: 20, placeholder: 'USD 1000' })),
    field('Valid from', h('input', { name: 'startsAt', type: 'datetime-local' })),
    field('Valid until', h('input', { name: 'endsAt', type: 'datetime-local' })),
    field('Uses in total', h('input', { name: 'maxUses', type: 'number', min: 1 })),
    field('Uses per buyer', h('input', { name: 'maxUsesPerBuyer', type: 'number', min: 1 })),
    field('Only these SKUs (empty: all)', h('input', { name: 'skus', size: 24, placeholder: 'mug-star, tee-logo' })),
    field('or only these categories', h('select', { name: 'categories', multiple: true, size: Math.min(4, Math.max(2, categories.length)) },
      categories.map((c) => h('option', { value: c.slug }, `${c.title} (${c.slug})`)))),
    h('button', { type: 'submit', class: 'primary' }, 'Create code'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = promoInput(new FormData(form));
    try {
      await postJson('/api/admin/promo-codes', input);
      await promoCodesView(view, `Created ${input.code.toUpperCase()}.`);
    } catch (e) {
      error.replaceChildren(problemBox(e));
    }
  });
  return section('New promo code', form, error);
}

function promoInput(data) {
  const text = (name) => String(data.get(name) || '').trim();
  const number = (name) => (text(name) === '' ? null : Number(text(name)));
  const instant = (name) => (text(name) === '' ? null : new Date(text(name)).toISOString());
  const amounts = (name) => {
    const parts = text(name).split(',').map((part) => part.trim()).filter(Boolean);
    if (parts.length === 0) return null;
    return Object.fromEntries(parts.map((part) => {
      const [currency, minor] = part.split(/\s+/);
      return [(currency || '').toUpperCase(), Number(minor)];
    }));
  };
  const skus = text('skus').split(',').map((sku) => sku.trim()).filter(Boolean);
  const categories = data.getAll('categories').map(String);
  return {
    code: text('code'), percentOff: number('percentOff'), amountsOff: amounts('amountsOff'),
    minimumOrder: amounts('minimumOrder'), startsAt: instant('startsAt'), endsAt: instant('endsAt'),
    maxUses: number('maxUses'), maxUsesPerBuyer: number('maxUsesPerBuyer'), skus: skus.length ? skus : null,
    categories: categories.length ? categories : null,
  };
}
