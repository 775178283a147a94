import { getJson, postJson, putJson, deleteJson } from '../api.js';
import { h, table, problemBox, section } from '../dom.js';

/** Categories: the Mini App's category bar, in position order; a slug is the category's name in links (c_<slug>). */
export async function categoriesView(view, notice) {
  const categories = await getJson('/api/admin/categories');
  const error = h('div');
  const field = (label, input) => h('label', { class: 'field' }, h('span', {}, label), input);
  const form = h('form', { class: 'filters', id: 'category-form' },
    field('Slug', h('input', { name: 'slug', required: true, maxlength: 32, pattern: '[a-z0-9](-?[a-z0-9])*',
      placeholder: 'merch' })),
    field('Title', h('input', { name: 'title', required: true, maxlength: 32 })),
    field('Position', h('input', { name: 'position', type: 'number', min: 0, value: 0 })),
    h('button', { type: 'submit', class: 'primary' }, 'Save category'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const input = { slug: data.get('slug'), title: data.get('title'), position: Number(data.get('position') || 0) };
    try {
      if (categories.some((c) => c.slug === input.slug)) await putJson(`/api/admin/categories/${input.slug}`, input);
      else await postJson('/api/admin/categories', input);
      await categoriesView(view, `Saved ${input.slug}.`);
    } catch (e) {
      error.replaceChildren(problemBox(e));
    }
  });
  const remove = async (category) => {
    try {
      await deleteJson(`/api/admin/categories/${category.slug}`);
      await categoriesView(view, `Deleted ${category.slug}; its products have no category now.`);
    } catch (e) {
      error.replaceChildren(problemBox(e));
    }
  };
  view.replaceChildren(h('h1', {}, 'Categories'),
    notice ? h('div', { class: 'notice', role: 'status' }, notice) : null,
    section('Add or rename (same slug)', form, error),
    table([
      { label: 'Slug', cell: (c) => h('span', { class: 'mono' }, c.slug) },
      { label: 'Title', cell: (c) => c.title },
      { label: 'Position', num: true, cell: (c) => c.position },
      { label: '', cell: (c) => h('button', { type: 'button', class: 'secondary', onclick: () => remove(c),
        'aria-label': `Delete ${c.slug}` }, 'Delete') },
    ], categories, { empty: 'No categories yet: the Mini App shows no category bar.' }));
}
