// Checkout: order → Telegram invoice → outcome from the engine. Telegram's invoiceClosed status is
// only a hint (clients fire it twice, never, or say "failed" after a charge went through), so the
// order's status on the server decides what the shopper sees. Every async step checks that it
// still belongs to the current attempt; anything stale is ignored.
import { ApiError, orderIdIn } from './api.js';
import * as telegram from './telegram.js';

const PAID = ['PAID', 'FULFILLED'];
const POLL_EVERY_MS = 1500;
const CONFIRM_WAIT_MS = 30_000;     // after "paid": Telegram's successful_payment normally lands in seconds
const PROCESSING_WAIT_MS = 180_000; // after "pending": the provider may take a while

let api;
let onChange;
let idempotency = null;  // {fingerprint, key}: one key per checkout attempt, reused on retry
let attempt = null;      // {orderId, origin, closed}: the invoice the UI is waiting for

/** What the checkout screen shows: {phase, order?, error?, message?}. */
export const view = { phase: 'idle' };

export function init(apiClient, changeListener) {
  api = apiClient;
  onChange = changeListener;
}

function show(next) {
  Object.keys(view).forEach((key) => delete view[key]);
  Object.assign(view, next);
  onChange(view);
}

function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Places the cart as an order (or gets the same order back on retry) and opens its invoice. */
export async function checkoutCart(items, currency, fingerprint, promoCode = null) {
  if (idempotency?.fingerprint !== fingerprint) idempotency = { fingerprint, key: newKey() };
  show({ phase: 'creating', origin: 'cart' });
  telegram.mainButton.busy(true);
  try {
    let order = await api.placeOrder(items, currency, idempotency.key, promoCode);
    if (!PAID.includes(order.status) && order.status !== 'PENDING_PAYMENT') {
      // The key replayed an earlier order that has since expired or been cancelled: start afresh.
      idempotency = { fingerprint, key: newKey() };
      order = await api.placeOrder(items, currency, idempotency.key, promoCode);
    }
    await pay(order, 'cart');
  } catch (error) {
    failed(error, 'cart', error instanceof ApiError && error.status === 502 ? orderIdIn(error) : null);
  } finally {
    telegram.mainButton.busy(false);
  }
}

/** Pays an existing order: right after checkout, or later from My orders. */
export async function pay(order, origin) {
  if (PAID.includes(order.status)) return settled(order, origin);
  try {
    if (!order.invoiceLink) order = await api.issueInvoice(order.id);
  } catch (error) {
    return failed(error, origin, order.id);
  }
  if (!telegram.canOpenInvoice) return show({ phase: 'unsupported', order, origin });
  const current = { orderId: order.id, origin, closed: false };
  attempt = current;
  show({ phase: 'awaiting', order, origin });
  try {
    // 'already-open' (an earlier callback never came) is fine: that callback finds this attempt.
    telegram.openInvoice(order.invoiceLink, (status) => invoiceClosed(order.id, status));
  } catch (error) {
    return failed(error, origin, null); // a link Telegram cannot open; retrying would not help
  }
  pollUntilSettled(current, Infinity, null); // the callback may never come: watch the server too
}

async function invoiceClosed(orderId, status) {
  // Only the first callback for the invoice the UI waits for may move it; a repeat, or one for an
  // attempt the shopper has left, is still reported but changes nothing on screen.
  const current = attempt?.orderId === orderId && !attempt.closed ? attempt : null;
  if (current) current.closed = true;
  let order = null;
  try {
    order = await api.invoiceClosed(orderId, status); // the hint, answered with the truth
  } catch (error) {
    // Reporting the hint is best effort; the polling below still asks for the truth.
  }
  if (!current || attempt !== current) return;
  if (order && order.status !== 'PENDING_PAYMENT') return settled(order, current.origin);
  if (status === 'paid') {
    show({ phase: 'confirming', order, origin: current.origin });
    pollUntilSettled(current, Date.now() + CONFIRM_WAIT_MS, 'slow');
  } else if (status === 'pending') {
    show({ phase: 'processing', order, origin: current.origin });
    pollUntilSettled(current, Date.now() + PROCESSING_WAIT_MS, 'slow');
  } else {
    attempt = null;
    telegram.haptic.error();
    show({ phase: 'closed', outcome: status === 'failed' ? 'failed' : 'cancelled', order, origin: current.origin });
  }
}

async function pollUntilSettled(current, deadline, phaseOnTimeout) {
  const token = (current.pollToken = {});  // a newer poll for the same attempt replaces this one
  while (attempt === current && current.pollToken === token) {
    await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
    if (attempt !== current || current.pollToken !== token) return;
    if (Date.now() > deadline) return show({ ...view, phase: phaseOnTimeout });
    const order = await api.order(current.orderId).catch(() => null);
    if (order && order.status !== 'PENDING_PAYMENT' && attempt === current) return settled(order, current.origin);
  }
}

/** The visible "Check status" action: one question to the server, whatever the callback did. */
export async function checkStatus() {
  const current = attempt;
  const orderId = view.order?.id;
  if (!orderId) return;
  try {
    const order = await api.order(orderId);
    if (order.status !== 'PENDING_PAYMENT') return settled(order, view.origin);
    if (attempt === current) show({ ...view, order, message: 'checkout.stillUnpaid' });
  } catch (error) {
    show({ ...view, error });
  }
}

/** Retry after a 502: the order exists, only its invoice is missing. */
export async function retryInvoice() {
  const { orderId, origin } = view;
  if (!orderId) return;
  show({ phase: 'creating', origin });
  try {
    await pay(await api.issueInvoice(orderId), origin);
  } catch (error) {
    failed(error, origin, orderId);
  }
}

function settled(order, origin) {
  attempt = null;
  if (PAID.includes(order.status)) {
    idempotency = null;
    telegram.haptic.success();
    return show({ phase: 'paid', order, origin });
  }
  telegram.haptic.error();
  show({ phase: 'unpayable', order, origin });
}

function failed(error, origin, orderId) {
  attempt = null;
  telegram.haptic.error();
  show({ phase: orderId ? 'invoice-failed' : 'error', error, origin, orderId });
}

/** Leaving the checkout screen stops waiting; a late callback then changes nothing. */
export function leave() {
  attempt = null;
  show({ phase: 'idle' });
}
