import { getJson, postJson } from '../api.js';
import { h, table, when, status, problemBox, section } from '../dom.js';

/**
 * Events (docs/events.md) and the operator chat (docs/operations.md): where events go, each
 * delivery with its attempts and last error, resend and "send test event"; the chat's state.
 */
export async function eventsView(view) {
  const [chat, endpoints, deliveries] = await Promise.all([getJson('/api/admin/operator-chat'),
    getJson('/api/admin/event-endpoints'), getJson('/api/admin/event-deliveries')]);
  const message = h('div', { id: 'events-message' });
  const rerender = () => eventsView(view).catch((e) => message.replaceChildren(problemBox(e)));
  view.replaceChildren(h('h1', {}, 'Events'), message,
    section('Operator chat', chatBox(chat, message, rerender)),
    section('Endpoints', addForm(message, rerender), table([
      { label: 'URL', cell: (e) => h('span', { class: 'mono' }, e.url) },
      { label: 'From', cell: (e) => e.origin },
      { label: 'On', cell: (e) => (e.enabled ? 'yes' : 'no') },
      { label: '', cell: (e) => (e.enabled ? endpointActions(e, message, rerender) : '') },
    ], endpoints, { empty: 'No endpoints: set STARSHOP_EVENTS_URL or add one above.' })),
    section('Deliveries (newest 200)', table([
      { label: 'Created', cell: (d) => when(d.createdAt) },
      { label: 'Type', cell: (d) => d.type },
      { label: 'Endpoint', cell: (d) => h('span', { class: 'mono' }, d.url) },
      { label: 'Status', cell: (d) => status(d.status) },
      { label: 'Attempts', num: true, cell: (d) => String(d.attempts) },
      { label: 'Last error', cell: (d) => d.lastError || '' },
      { label: 'Next attempt', cell: (d) => (d.status === 'PENDING' ? when(d.nextAttemptAt) : '') },
      { label: '', cell: (d) => button('Resend', message, async () => {
        await postJson(`/api/admin/event-deliveries/${d.id}/resend`);
        await rerender();
      }) },
    ], deliveries, { empty: 'No events sent yet.' })));
}

function chatBox(chat, message, rerender) {
  if (chat.chatId === null) return h('p', {}, 'No operator chat: set STARSHOP_OPERATOR_CHAT_ID.');
  const facts = [h('p', {}, `Chat ${chat.chatId}${chat.topicId ? ` (topic ${chat.topicId})` : ''}, language ${chat.language}. `,
    `Alerts on: ${chat.kindsOn.join(', ') || 'none'}.`)];
  if (chat.writable) {
    facts.push(h('p', { id: 'chat-state' }, 'The chat takes messages.'));
  } else {
    facts.push(h('p', { id: 'chat-state', class: 'error' }, `The chat refused a message since ${when(chat.refusedSince)}: `,
      chat.refusal || 'unknown error', `. Alerts are kept; next try ${when(chat.nextTry)}.`),
    button('Try again now', message, async () => {
      await postJson('/api/admin/operator-chat/retry');
      await rerender();
    }));
  }
  facts.push(h('p', {}, `Alerts: ${Object.entries(chat.alerts).map(([k, v]) => `${v} ${k.toLowerCase()}`).join(', ') || 'none yet'}.`));
  return h('div', {}, ...facts);
}

function addForm(message, rerender) {
  const url = h('input', { id: 'endpoint-url', type: 'url', placeholder: 'https://example.com/starshop-events', required: true });
  const form = h('form', { class: 'inline-form' }, h('label', { for: 'endpoint-url' }, 'New endpoint URL '), url,
    h('button', { type: 'submit', class: 'primary' }, 'Add'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const created = await postJson('/api/admin/event-endpoints', { url: url.value.trim() });
      await rerender();
      showSecret(created);
    } catch (e) {
      message.replaceChildren(problemBox(e));
    }
  });
  return form;
}

function endpointActions(endpoint, message, rerender) {
  return h('span', {},
    button('Send test event', message, async () => {
      await postJson(`/api/admin/event-endpoints/${endpoint.id}/test`);
      await rerender();
    }),
    button('New secret', message, async () => {
      const renewed = await postJson(`/api/admin/event-endpoints/${endpoint.id}/secret`);
      await rerender();
      showSecret(renewed);
    }));
}

/** The secret is in this one answer only: show it until the next page change. */
function showSecret(endpoint) {
  document.getElementById('events-message').replaceChildren(h('p', { class: 'notice' },
    `Signing secret for ${endpoint.url} (shown once, copy it now): `, h('code', { id: 'endpoint-secret' }, endpoint.secret)));
}

function button(label, message, action) {
  const b = h('button', { type: 'button', class: 'secondary' }, label);
  b.addEventListener('click', async () => {
    b.disabled = true;
    try {
      await action();
    } catch (e) {
      message.replaceChildren(problemBox(e));
      b.disabled = false;
    }
  });
  return b;
}
