import { token, tokenAccepted, whenUnauthorized } from './api.js';
import { refreshReviewCount } from './badges.js';
import { h, problemBox } from './dom.js';
import { dashboardView } from './views/dashboard.js';
import { ordersView } from './views/orders.js';
import { orderDetailView } from './views/order-detail.js';
import { productsView } from './views/products.js';
import { categoriesView } from './views/categories.js';
import { sourcesView } from './views/sources.js';
import { promoCodesView } from './views/promo-codes.js';
import { subscriptionsView } from './views/subscriptions.js';
import { ledgerView } from './views/ledger.js';
import { exportsView } from './views/exports.js';
import { reconciliationView } from './views/reconciliation.js';
import { treasuryView } from './views/treasury.js';
import { systemView } from './views/system.js';
import { eventsView } from './views/events.js';

// Views are addressed by the URL fragment (#/orders, #/orders/<id>, …) so reload and back work.
const TABS = [
  { path: 'dashboard', label: 'Dashboard', render: dashboardView },
  { path: 'orders', label: 'Orders', render: (view) => ordersView(view, {}) },
  { path: 'review', label: 'Review queue', render: (view) => ordersView(view, { review: true }) },
  { path: 'products', label: 'Products', render: productsView },
  { path: 'categories', label: 'Categories', render: categoriesView },
  { path: 'sources', label: 'Sources', render: sourcesView },
  { path: 'promo-codes', label: 'Promo codes', render: promoCodesView },
  { path: 'subscriptions', label: 'Subscriptions', render: subscriptionsView },
  { path: 'ledger', label: 'Ledger', render: ledgerView },
  { path: 'exports', label: 'Exports', render: exportsView },
  { path: 'reconciliation', label: 'Reconciliation', render: reconciliationView },
  { path: 'events', label: 'Events', render: eventsView },
  { path: 'treasury', label: 'Treasury', render: treasuryView },
  { path: 'system', label: 'System', render: systemView },
];

const $ = (id) => document.getElementById(id);

function showLogin(message) {
  token.clear();
  $('console').hidden = true;
  $('login').hidden = false;
  $('login-error').hidden = !message;
  $('login-error').textContent = message || '';
  $('token').focus();
}

async function signIn(event) {
  event.preventDefault();
  const candidate = $('token').value.trim();
  try {
    if (!(await tokenAccepted(candidate))) {
      showLogin('That token was not accepted. Check STARSHOP_ADMIN_TOKEN (or ~/.starshop/admin-token) and try again.');
      return;
    }
  } catch (e) {
    showLogin(e.message);
    return;
  }
  token.set(candidate);
  $('token').value = '';
  showConsole();
}

function showConsole() {
  $('login').hidden = true;
  $('console').hidden = false;
  renderTabs();
  route();
}

function renderTabs() {
  $('tabs').replaceChildren(...TABS.map((tab) => h('a', { href: `#/${tab.path}`, 'data-tab': tab.path },
    tab.label, tab.path === 'review' ? h('span', { id: 'review-count', class: 'badge' }) : null)));
  refreshReviewCount();
}

async function route() {
  if ($('console').hidden) return;
  const [path, id] = location.hash.replace(/^#\/?/, '').split('/');
  const tab = TABS.find((t) => t.path === path) || TABS[0];
  for (const link of $('tabs').querySelectorAll('a')) {
    link.classList.toggle('active', link.dataset.tab === tab.path);
  }
  const view = $('view');
  view.replaceChildren(h('p', { class: 'loading' }, 'Loading…'));
  try {
    if (id && (tab.path === 'orders' || tab.path === 'review')) await orderDetailView(view, decodeURIComponent(id));
    else await tab.render(view);
  } catch (e) {
    view.replaceChildren(problemBox(e));
  }
}

whenUnauthorized(() => showLogin('The engine no longer accepts this token. Sign in again.'));
$('login-form').addEventListener('submit', signIn);
$('logout').addEventListener('click', () => showLogin());
window.addEventListener('hashchange', route);
if (token.get()) showConsole();
else showLogin();
