// Telegram's payment sheet for web_app_open_invoice: shows the invoice, collects what it asks for,
// pays through the emulator's control API and answers invoice_closed {slug, status}.
import { getJson } from './activity-log.js';
import { field, formatAmount, element } from './sheet-parts.js';

const TEST_CARD = '4242 4242 4242 4242';
const TEST_ADDRESS = { country_code: 'US', state: 'CA', city: 'San Francisco',
  street_line1: '1 Market Street', street_line2: '', post_code: '94105' };

export function wireInvoices(bridge, currentUserId, afterPayment) {
  const backdrop = document.getElementById('invoice-sheet');
  let openSlug = null;

  const close = (status) => {
    backdrop.hidden = true;
    const slug = openSlug;
    openSlug = null;
    if (slug) {
      bridge.send('invoice_closed', { slug, status });
    }
  };

  bridge.on('web_app_open_invoice', async ({ slug }) => {
    if (openSlug) {
      return; // the script refuses a second sheet itself; Telegram ignores one as well
    }
    openSlug = slug;
    try {
      const invoice = await getJson('/sandbox/api/invoices/' + encodeURIComponent(slug));
      const user = await getJson('/sandbox/api/users').then((users) => users.find((u) => u.id === currentUserId()));
      backdrop.replaceChildren(render(invoice, user, { pay, close }));
    } catch (missing) {
      backdrop.replaceChildren(element('div', { className: 'sheet' },
        element('p', { className: 'error', textContent: 'Invoice not found: ' + slug }),
        element('button', { type: 'button', textContent: 'Close', onclick: () => close('failed') })));
    }
    backdrop.hidden = false;
  });

  /** Blocks (in the emulator) while the bot answers its shipping and pre-checkout queries. */
  async function pay(request, reportPendingFirst) {
    const slug = openSlug;
    if (reportPendingFirst) {
      close('pending'); // Telegram says "pending" when the charge outlives the sheet
    }
    const response = await fetch('/sandbox/api/invoices/' + encodeURIComponent(slug) + '/pay', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: currentUserId(), ...request })
    });
    const outcome = response.ok ? await response.json() : { status: 'failed', reason: 'HTTP ' + response.status };
    afterPayment();
    return outcome;
  }
}

function render(invoice, user, actions) {
  const stars = invoice.currency === 'XTR';
  const sheet = element('div', { className: 'sheet' });
  const state = { tip: 0 };
  const closeButton = element('button', { type: 'button', className: 'icon', ariaLabel: 'Close payment',
    textContent: '✕', onclick: () => actions.close(state.failed ? 'failed' : 'cancelled') });
  sheet.append(element('div', { className: 'head' },
    element('h2', { id: 'invoice-title', textContent: invoice.title }), closeButton));
  sheet.append(element('p', { className: 'description', textContent: invoice.description }));
  const amount = element('p', { className: 'amount' });
  sheet.append(amount);
  const inputs = {};
  if (stars) {
    sheet.append(element('p', { className: 'hint',
      textContent: `Balance of ${user.firstName}: ⭐ ${user.starBalance}` }));
  } else {
    inputs.card = field(sheet, 'Card number (Stripe test cards)', 'card-number', TEST_CARD);
    if (invoice.needShippingAddress) {
      sheet.append(element('h3', { textContent: 'Shipping address' }));
      inputs.country = field(sheet, 'Country code', 'ship-country', TEST_ADDRESS.country_code);
      inputs.city = field(sheet, 'City', 'ship-city', TEST_ADDRESS.city);
      inputs.street = field(sheet, 'Street', 'ship-street', TEST_ADDRESS.street_line1);
      inputs.postCode = field(sheet, 'Post code', 'ship-post-code', TEST_ADDRESS.post_code);
      sheet.append(element('p', { className: 'hint',
        textContent: 'Shipping options come from the shop (answerShippingQuery); the first one is taken unless you name one.' }));
      inputs.option = field(sheet, 'Shipping option id (optional)', 'ship-option', '');
    }
    if (invoice.maxTipAmount > 0) {
      sheet.append(tipChooser(invoice, state, () => showTotal()));
    }
  }
  const status = element('p', { className: 'error', role: 'alert' });
  const payButton = element('button', { type: 'button', className: 'pay' });
  const pendingButton = element('button', { type: 'button', textContent: 'Pay, but report "pending" to the app' });
  sheet.append(status, element('div', { className: 'actions' }, payButton, pendingButton));

  function showTotal() {
    const total = invoice.totalAmount + state.tip;
    amount.textContent = formatAmount(total, invoice.currency) + (invoice.needShippingAddress && !stars ? ' + shipping' : '');
    payButton.textContent = stars ? `Pay ⭐ ${total}` : `Pay ${formatAmount(total, invoice.currency)}`;
  }
  showTotal();

  const request = () => stars ? { method: 'stars' } : {
    method: 'card', cardNumber: inputs.card.value, tipAmount: state.tip || null,
    shippingOptionId: inputs.option && inputs.option.value.trim() ? inputs.option.value.trim() : null,
    shippingAddress: invoice.needShippingAddress ? { ...TEST_ADDRESS, country_code: inputs.country.value,
      city: inputs.city.value, street_line1: inputs.street.value, post_code: inputs.postCode.value } : null
  };
  const submit = async (pendingFirst) => {
    payButton.disabled = pendingButton.disabled = true;
    status.textContent = '';
    payButton.textContent = 'Processing…';
    const outcome = await actions.pay(request(), pendingFirst);
    if (pendingFirst) {
      return;
    }
    if (outcome.status === 'paid') {
      actions.close('paid');
      return;
    }
    state.failed = true; // closing now reports "failed", as Telegram does after a refused payment
    status.textContent = 'Payment failed: ' + (outcome.reason || outcome.status);
    payButton.disabled = pendingButton.disabled = false;
    showTotal();
  };
  payButton.addEventListener('click', () => submit(false));
  pendingButton.addEventListener('click', () => submit(true));
  return sheet;
}

function tipChooser(invoice, state, changed) {
  const box = element('div', { className: 'tips', role: 'group', ariaLabel: 'Tip' });
  const choices = [0, ...(invoice.suggestedTipAmounts || [])];
  const buttons = choices.map((tip) => element('button', {
    type: 'button', textContent: tip === 0 ? 'No tip' : formatAmount(tip, invoice.currency),
    onclick: () => {
      state.tip = tip;
      buttons.forEach((b, i) => b.setAttribute('aria-pressed', String(choices[i] === tip)));
      changed();
    }
  }));
  buttons[0].setAttribute('aria-pressed', 'true');
  box.append(...buttons);
  return element('div', {}, element('label', { textContent: 'Tip' }), box);
}
