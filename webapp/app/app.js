// Boot and navigation: a small view router. Screens form a stack of {name, param} entries (param: a
// product's SKU for 'product'); `views` maps each name to a function returning its element, so a new
// screen is one entry there plus, if it belongs in the header, one in renderNav. Telegram's
// BackButton pops the stack, the MainButton carries the screen's main action (view cart, pay) and the
// SecondaryButton the cart's other way to pay (card beside Stars).
import { createApi } from './api.js';
import { chooseLanguage, t, errorText } from './i18n.js';
import * as telegram from './telegram.js';
import * as store from './store.js';
import * as checkout from './checkout.js';
import { h, button } from './views/dom.js';
import { catalogView } from './views/catalog.js';
import { productView } from './views/product.js';
import { parseStartParam } from './startparam.js';
import { cartView } from './views/cart.js';
import { checkoutView } from './views/checkout.js';
import { ordersView, loadOrders } from './views/orders.js';
import { purchasesView, loadPurchases } from './views/purchases.js';

const api = createApi(telegram.initData);
const stack = [{ name: 'catalog', param: null }];
const screen = document.getElementById('screen');
const nav = document.getElementById('nav');
const noticeBox = document.getElementById('notice');

const current = () => stack[stack.length - 1].name;
const currentParam = () => stack[stack.length - 1].param;

/** Opens a screen on top of the stack; the catalog is the bottom, so going there clears the stack. */
function navigate(name, param = null) {
  if (name === current() && param === currentParam()) return;
  if (current() === 'checkout') checkout.leave();
  if (name === 'catalog') stack.splice(1);
  else stack.push({ name, param });
  if (name === 'orders') loadOrders(api, render);
  if (name === 'purchases') loadPurchases(api, render);
  render();
  window.scrollTo(0, 0);
}

function goBack() {
  if (stack.length < 2) return;
  if (current() === 'checkout') checkout.leave();
  stack.pop();
  render();
}

function showNotice(text, persistent = false) {
  const dismiss = button('×', t('dismiss'), () => { noticeBox.hidden = true; }, { class: 'link' });
  noticeBox.replaceChildren(...[h('span', {}, text), persistent ? null : dismiss].filter(Boolean));
  noticeBox.hidden = false;
}

function renderNav() {
  const entry = (name, label) => button(label, label, () => navigate(name),
    { 'aria-current': current() === name ? 'page' : null });
  const entries = [entry('catalog', t('nav.catalog')), entry('cart', t('nav.cart', { count: store.cartCount() }))];
  if (telegram.insideTelegram) entries.push(entry('orders', t('nav.orders'))); // orders need a verified user
  if (telegram.insideTelegram) entries.push(entry('purchases', t('nav.purchases')));
  nav.replaceChildren(...entries);
}

function renderMainButton() {
  const summary = store.cartSummary();
  const currency = store.state.currency;
  if ((current() === 'catalog' || current() === 'product') && summary.lines.length) {
    telegram.mainButton.show(t('main.viewCart', { total: summary.total }), () => navigate('cart'));
  } else if (current() === 'cart' && store.cartPayableIn(currency) && telegram.insideTelegram) {
    telegram.mainButton.show(paymentLabel(currency), () => startCheckout(currency));
  } else {
    telegram.mainButton.hide();
  }
}

/** "Pay with card" beside "Pay with Stars" (or the reverse): the SecondaryButton, from Bot API 7.10. */
function renderSecondaryButton() {
  const other = otherPayment();
  if (other && telegram.secondaryButton.supported) telegram.secondaryButton.show(other.label, other.action);
  else telegram.secondaryButton.hide();
}

/** The cart's other way to pay ({label, action}), or null: needs Telegram, and see store.otherPaymentCurrency. */
function otherPayment() {
  if (current() !== 'cart' || !telegram.insideTelegram) return null;
  const currency = store.otherPaymentCurrency();
  return currency ? { label: paymentLabel(currency), action: () => startCheckout(currency) } : null;
}

const paymentLabel = (currency) => t(currency === 'XTR' ? 'pay.stars' : 'pay.card',
  { total: store.cartSummary(currency).total });

function hideNotice() {
  if (telegram.insideTelegram) noticeBox.hidden = true; // a new attempt makes the last outcome stale
}

function startCheckout(currency) {
  hideNotice();
  navigate('checkout');
  checkout.checkoutCart(store.orderItems(), currency, store.cartFingerprint(currency), store.promoCode());
}

function payExisting(order) {
  hideNotice();
  navigate('checkout');
  checkout.pay(order, 'orders');
}

const openProduct = (sku) => navigate('product', sku);

/** Share: the engine prepares a product card (savePreparedInlineMessage); Telegram lets the shopper pick a chat. */
async function shareProduct(sku) {
  try {
    const prepared = await api.prepareShare(sku);
    telegram.shareMessage(prepared.id, (sent) => { if (sent) showNotice(t('share.sent')); });
  } catch (error) {
    showNotice(errorText(error));
  }
}

const views = {
  catalog: () => catalogView(openProduct),
  product: () => productView(currentParam(), telegram.canShare ? shareProduct : null),
  cart: () => cartView(() => navigate('catalog'), telegram.secondaryButton.supported ? null : otherPayment()),
  checkout: () => checkoutView(() => navigate('catalog')),
  orders: () => ordersView(api, payExisting, render),
  purchases: () => purchasesView(render),
};

function render() {
  telegram.confirmClosing(store.cartCount() > 0);
  renderNav();
  screen.replaceChildren(views[current()]());
  renderMainButton();
  renderSecondaryButton();
  if (stack.length > 1) telegram.backButton.show(goBack);
  else telegram.backButton.hide();
}

/** A cancelled or failed invoice sends the shopper back where they came from; the order stays payable. */
function onCheckoutChange(view) {
  const returning = view.phase === 'closed' || view.phase === 'error';
  if (returning && current() === 'checkout') {
    showNotice(view.phase === 'error' ? errorText(view.error)
      : t(view.outcome === 'failed' ? 'checkout.failed' : 'checkout.cancelled'));
    stack.pop();
    if (current() === 'orders') loadOrders(api, render);
  } else if (view.phase === 'paid' && view.origin === 'cart') {
    store.clearCart();
  }
  render();
}

function boot() {
  document.title = t('app.title');
  document.getElementById('title').textContent = t('app.title');
  telegram.start({
    onThemeChanged: () => { document.documentElement.dataset.colorScheme = telegram.colorScheme(); },
    onViewportChanged: (event) => {
      // Size to the stable height so content does not jump while the sheet is being dragged.
      if (event?.isStateStable) {
        document.documentElement.style.setProperty('--app-height', `${telegram.stableViewportHeight()}px`);
      }
    },
  });
  if (!telegram.insideTelegram) showNotice(t('outside.telegram'), true);
  store.onStoreChange(render);
  checkout.init(api, onCheckoutChange);
  render();
  store.restoreCart();
  api.catalog().then((catalog) => {
    store.setCatalog(catalog);
    followLink(catalog);
  }).catch((error) => showNotice(errorText(error)));
}

/** A t.me/<bot>/<app>?startapp=… link opens its product or category (startparam.js has the grammar). */
function followLink(catalog) {
  const link = parseStartParam(telegram.startParam);
  if (link === null) return showNotice(t('link.malformed'));
  if (link.category && catalog.categories.some((c) => c.slug === link.category)) store.setCategory(link.category);
  else if (link.category) showNotice(t('link.gone'));
  if (link.product && store.product(link.product)) navigate('product', link.product);
  else if (link.product) showNotice(t('link.gone'));
}

chooseLanguage(telegram.languageCode);
boot();
