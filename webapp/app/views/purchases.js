// My purchases: every paid order with what it delivered — codes (copy), texts and links, files
// (download), shipment status and tracking — from GET /api/purchases (the buyer's own only).
import { h, button } from './dom.js';
import { t, errorText, formatDate } from '../i18n.js';
import { downloadFile, openLink } from '../telegram.js';

const loaded = { purchases: null, error: null, copied: null };

export async function loadPurchases(api, rerender) {
  loaded.error = null;
  try {
    loaded.purchases = await api.purchases();
  } catch (error) {
    loaded.error = error;
  }
  rerender();
}

export function purchasesView(rerender) {
  if (loaded.error) return h('p', { class: 'warning' }, errorText(loaded.error));
  if (!loaded.purchases) return h('p', { class: 'muted center' }, t('loading'));
  return h('section', { class: 'purchases' },
    h('h2', {}, t('purchases.title')),
    loaded.purchases.length
      ? h('ul', { class: 'list' }, loaded.purchases.map((p) => purchaseCard(p, rerender)))
      : h('p', { class: 'muted', id: 'purchases-empty' }, t('purchases.empty')));
}

function purchaseCard(purchase, rerender) {
  return h('li', { class: 'card order purchase', 'data-order-id': purchase.orderId },
    h('div', { class: 'order-head' },
      h('strong', {}, '#' + purchase.orderId.slice(0, 8)),
      h('span', { class: 'status status-' + purchase.status.toLowerCase() }, t('status.' + purchase.status))),
    purchase.createdAt ? h('p', { class: 'muted small' }, t('orders.created', { date: formatDate(purchase.createdAt) })) : null,
    h('ul', { class: 'purchase-items' }, (purchase.items || []).map((item) => h('li', {},
      h('p', { class: 'purchase-title' }, `${item.title} × ${item.quantity ?? 1}`),
      (item.deliveries || []).map((d) => delivery(d, item, rerender))))));
}

function delivery(d, item, rerender) {
  switch (d.kind) {
    case 'CODE': return codeRow(d, item, rerender);
    case 'TEXT': return h('p', { class: 'delivered-text' }, linked(d.text || ''));
    case 'FILE': return fileRow(d);
    case 'SHIPMENT': return shipmentRow(d);
    default: return null;
  }
}

function codeRow(d, item, rerender) {
  const revoked = d.status === 'REVOKED';
  const copied = loaded.copied === d.value;
  return h('div', { class: 'code-row' + (revoked ? ' revoked' : '') },
    h('code', { class: 'code' }, d.value),
    revoked ? h('span', { class: 'muted small' }, t('purchases.revoked'))
      : button(copied ? t('purchases.copied') : t('purchases.copy'), t('purchases.copy.label', { title: item.title }),
        async () => {
          await copy(d.value);
          loaded.copied = d.value;
          rerender();
        }, { class: 'secondary small' }));
}

function fileRow(d) {
  const name = d.fileName || 'file';
  return h('div', { class: 'file-row' },
    h('span', {}, '📄 ' + name),
    button(t('purchases.download'), t('purchases.download.label', { name }),
      () => downloadFile(new URL(d.url, location.href).href, name), { class: 'secondary small' }));
}

function shipmentRow(d) {
  return h('div', { class: 'shipment-row' },
    h('span', { class: 'shipment-step' }, t('shipment.' + d.step)),
    d.carrier ? h('span', { class: 'muted small' }, ' ' + t('purchases.tracking', { carrier: d.carrier, number: d.trackingNumber })) : null,
    d.trackingUrl ? button(t('purchases.track'), t('purchases.track'), () => openLink(d.trackingUrl), { class: 'link' }) : null);
}

/** Text with its https links as buttons that open outside the Mini App; never parsed as HTML. */
function linked(text) {
  return text.split(/(https:\/\/[^\s]+)/).map((part) => (/^https:\/\/[^\s]+$/.test(part)
    ? h('a', { href: part, target: '_blank', rel: 'noopener noreferrer',
      onclick: (event) => { event.preventDefault(); openLink(part); } }, part)
    : part));
}

/** The clipboard API where the frame may use it, else a selected field and the copy command. */
async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
  } catch (e) {
    const field = h('textarea', { readonly: true, class: 'offscreen' }, text);
    document.body.append(field);
    field.select();
    document.execCommand('copy');
    field.remove();
  }
}
