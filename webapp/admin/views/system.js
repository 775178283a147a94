import { getJson } from '../api.js';
import { h } from '../dom.js';

/** Which engine this console talks to. */
export async function systemView(view) {
  const system = await getJson('/api/admin/system');
  const row = (label, value) => [h('dt', {}, label), h('dd', {}, value)];
  view.replaceChildren(h('h1', {}, 'System'), h('dl', { class: 'summary' },
    ...Object.entries(system).map(([key, value]) => row(key, String(value)))),
  h('p', {}, h('a', { href: '/openapi.yml' }, 'OpenAPI description'), ' · ',
    h('a', { href: '/health' }, 'Health')));
}
