import { postJson } from '../api.js';
import { h, table, when, problemBox, section } from '../dom.js';

// Physical goods on the order page: where it goes, what goes in the box, the shipment steps with
// the button for the next one; and the digital deliveries with their retry. Both show only what the
// engine returns: an order without goods to ship has no shipping section, one without deliveries none.

const STEPS = ['PACKED', 'SHIPPED', 'DELIVERED'];

/** The shipping section of an order, or null when it has nothing physical. */
export function shippingSection(shipment, reload) {
  if (!shipment || !shipment.physical) return null;
  return section('Shipping',
    h('div', { class: 'shipping', id: 'shipping' },
      h('div', {}, h('h3', {}, 'Ship to'), shipTo(shipment.shipTo)),
      h('div', {}, h('h3', {}, 'Packing list'), packingList(shipment.packingList))),
    h('h3', {}, 'Steps'), stepList(shipment.steps),
    stepForm(shipment, reload));
}

function shipTo(address) {
  if (!address) return h('p', { class: 'muted', id: 'ship-to' }, 'The buyer gave no address (the invoice did not ask for one).');
  const lines = [address.name, address.streetLine1, address.streetLine2,
    [address.postCode, address.city].filter(Boolean).join(' '),
    [address.state, address.countryCode].filter(Boolean).join(', '), address.phoneNumber].filter(Boolean);
  return h('address', { id: 'ship-to' }, lines.flatMap((line) => [line, h('br')]));
}

function packingList(lines) {
  return table([
    { label: 'SKU', cell: (l) => h('span', { class: 'mono' }, l.sku) },
    { label: 'Title', cell: (l) => l.title },
    { label: 'Kind', cell: (l) => l.kind },
    { label: 'Qty', num: true, cell: (l) => l.quantity },
  ], lines);
}

function stepList(steps) {
  return h('ol', { class: 'steps', id: 'shipment-steps' }, STEPS.map((name) => {
    const done = steps.find((s) => s.step === name);
    return h('li', { class: done ? 'done' : 'todo', 'data-step': name },
      h('strong', {}, name), ' ',
      ...(done ? [when(done.at), done.carrier ? ` — ${done.carrier} ${done.trackingNumber} ` : '',
        done.trackingUrl ? h('a', { href: done.trackingUrl, target: '_blank', rel: 'noopener noreferrer' }, 'track') : '']
        : [h('span', { class: 'muted' }, 'not yet')]));
  }));
}

/** The button for the next step; SHIPPED asks for the carrier and the tracking number. */
function stepForm(shipment, reload) {
  if (!shipment.nextStep) {
    return h('p', { class: 'muted', id: 'no-next-step' }, shipment.status === 'PAID'
      ? 'All steps are done.' : `No step can be set: the order is ${shipment.status}.`);
  }
  const error = h('div', { class: 'dialog-error' });
  const tracking = shipment.nextStep === 'SHIPPED' ? trackingFields() : null;
  const button = h('button', { type: 'submit', class: 'primary', id: 'set-step' }, `Mark ${shipment.nextStep}`);
  const form = h('form', { class: 'step-form', id: 'step-form' }, ...(tracking ? tracking.fields : []), button, error);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    try {
      await postJson(`/api/admin/orders/${shipment.orderId}/fulfilment`,
        { step: shipment.nextStep, ...(tracking ? tracking.values() : {}) });
      await reload(`Marked ${shipment.nextStep}; the buyer gets a message.`);
    } catch (e) {
      error.replaceChildren(problemBox(e));
      button.disabled = false;
    }
  });
  return form;
}

/** Carrier, tracking number and an optional https tracking URL, for one order or many. */
export function trackingFields() {
  const carrier = h('input', { name: 'carrier', required: true, maxlength: 64, placeholder: 'DHL' });
  const number = h('input', { name: 'trackingNumber', required: true, maxlength: 64, placeholder: 'JD0146…' });
  const url = h('input', { name: 'trackingUrl', type: 'url', pattern: 'https://.*', maxlength: 2048, placeholder: 'https://…' });
  const field = (label, input) => h('label', { class: 'field' }, h('span', {}, label), input);
  return {
    fields: [field('Carrier', carrier), field('Tracking number', number), field('Tracking URL (optional)', url)],
    values: () => ({ carrier: carrier.value.trim(), trackingNumber: number.value.trim(),
      ...(url.value.trim() ? { trackingUrl: url.value.trim() } : {}) }),
  };
}

/** Each digital delivery's status, when the engine reports deliveries, and the retry of failed ones. */
export function deliveriesSection(order, reload) {
  if (!Array.isArray(order.deliveries) || order.deliveries.length === 0) return null;
  const failed = order.deliveries.some((d) => d.status === 'FAILED');
  const error = h('div', { class: 'dialog-error' });
  const retry = h('button', { type: 'button', class: 'primary', id: 'retry-deliveries', disabled: !failed },
    'Retry failed deliveries');
  retry.addEventListener('click', async () => {
    retry.disabled = true;
    try {
      await postJson(`/api/admin/orders/${order.id}/deliveries/retry`, {});
      await reload('Failed deliveries queued again.');
    } catch (e) {
      error.replaceChildren(problemBox(e));
      retry.disabled = false;
    }
  });
  return section('Deliveries',
    table([
      { label: 'SKU', cell: (d) => h('span', { class: 'mono' }, d.sku) },
      { label: 'Unit', num: true, cell: (d) => d.unit },
      { label: 'Kind', cell: (d) => d.kind },
      { label: 'Status', cell: (d) => h('span', { class: `delivery-${String(d.status).toLowerCase()}` }, d.status) },
      { label: 'Code', cell: (d) => d.code ? h('code', { class: d.codeRevoked ? 'revoked' : '' }, d.code) : '' },
      { label: 'Attempts', num: true, cell: (d) => d.attempts },
      { label: 'Last error', cell: (d) => d.lastError || '' },
    ], order.deliveries),
    h('div', { class: 'actions' }, retry), error);
}

/**
 * An order under review delivers nothing until an operator decides: "Deliver anyway" approves it
 * (NEEDS_REVIEW → PAID, its deliveries decided then); the other way out is a refund.
 */
export function approvePanel(order, reload) {
  if (order.status !== 'NEEDS_REVIEW') return null;
  const error = h('div', { class: 'dialog-error' });
  const approve = h('button', { type: 'button', class: 'primary', id: 'approve-order' }, 'Deliver anyway');
  approve.addEventListener('click', async () => {
    approve.disabled = true;
    try {
      await postJson(`/api/admin/orders/${order.id}/approve`, {});
      await reload('Approved: the order is PAID and delivers what was bought.');
    } catch (e) {
      error.replaceChildren(problemBox(e));
      approve.disabled = false;
    }
  });
  return section('Review',
    h('p', {}, 'This payment could not be honoured as it came (see the timeline). Refund it, or deliver anyway.'),
    h('div', { class: 'actions' }, approve), error);
}
