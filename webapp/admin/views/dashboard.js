import { getJson, query } from '../api.js';
import { h, table, amount, money, decimalOf, exponentOf, problemBox, section } from '../dom.js';

const STATES = ['PENDING_PAYMENT', 'PAID', 'FULFILLED', 'CANCELLED', 'EXPIRED', 'REFUNDED', 'NEEDS_REVIEW'];

// Kept across visits so coming back to the tab shows the same period.
const remembered = { from: '', to: '' };

/**
 * The owner's dashboard for a period of UTC days: a chart of sales per day for each currency (one
 * chart per currency: amounts are never added across currencies), orders by state, top products,
 * sales by source and the created → paid → fulfilled funnel. Charts are drawn by ECharts, served
 * by the engine from its WebJar (vendor/echarts/echarts.min.js, loaded by index.html).
 */
export async function dashboardView(view) {
  const results = h('div', { id: 'dashboard-results' });
  view.replaceChildren(h('h1', {}, 'Dashboard'), periodForm(() => load(results)), results);
  await load(results);
}

function periodForm(apply) {
  const field = (label, input) => h('label', { class: 'field' }, h('span', {}, label), input);
  const form = h('form', { class: 'filters', id: 'dashboard-period' },
    field('From (UTC day)', h('input', { name: 'from', type: 'date', value: remembered.from })),
    field('to (inclusive)', h('input', { name: 'to', type: 'date', value: remembered.to })),
    h('button', { type: 'submit', class: 'primary' }, 'Show'),
    h('span', { class: 'hint' }, 'Empty: the last 30 days. At most 366 days.'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    Object.assign(remembered, Object.fromEntries(new FormData(form)));
    apply();
  });
  return form;
}

async function load(results) {
  let data;
  try {
    data = await getJson('/api/admin/dashboard' + query(remembered));
  } catch (e) {
    results.replaceChildren(problemBox(e));
    return;
  }
  const charts = h('div', { id: 'sales-charts' });
  results.replaceChildren(
    h('p', { class: 'lead', id: 'dashboard-period-shown' },
      `Orders created from ${data.from} to ${data.to} (UTC). A sale is an order now paid or fulfilled, `
      + 'at its total, on the day it was created.'),
    section('Sales per day', charts),
    section('Funnel', funnel(data.funnel)),
    section('Orders by state', table([
      { label: 'State', cell: (r) => r.state },
      { label: 'Orders', num: true, cell: (r) => r.orders },
    ], STATES.map((state) => ({ state, orders: data.ordersByState[state] ?? 0 })))),
    section('Top products by units', table([
      { label: 'SKU', cell: (r) => h('span', { class: 'mono' }, r.sku) },
      { label: 'Product', cell: (r) => r.title },
      { label: 'Units', num: true, cell: (r) => r.units },
    ], data.topByUnits, { empty: 'Nothing sold in this period.' })),
    section('Top products by revenue (per currency, before promo discounts)', table([
      { label: 'Currency', cell: (r) => r.currency },
      { label: 'SKU', cell: (r) => h('span', { class: 'mono' }, r.sku) },
      { label: 'Product', cell: (r) => r.title },
      { label: 'Units', num: true, cell: (r) => r.units },
      { label: 'Revenue', num: true, cell: (r) => amount(r.revenue) },
    ], data.topByRevenue, { empty: 'Nothing sold in this period.' })),
    section('Sales by source', table([
      { label: 'Source', cell: (r) => h('span', { class: 'mono' }, r.source) },
      { label: 'Currency', cell: (r) => r.currency },
      { label: 'Orders', num: true, cell: (r) => r.orders },
      { label: 'Sales', num: true, cell: (r) => amount(r.total) },
    ], data.salesBySource, { empty: 'No paid orders in this period.' })));
  drawSales(charts, data);
}

function funnel(f) {
  const share = (part, whole) => (whole ? ` (${Math.round((100 * part) / whole)}%)` : '');
  return table([
    { label: 'Step', cell: (r) => r.step },
    { label: 'Orders', num: true, cell: (r) => r.orders },
  ], [
    { step: 'Created', orders: String(f.created) },
    { step: 'Paid', orders: f.paid + share(f.paid, f.created) },
    { step: 'Fulfilled', orders: f.fulfilled + share(f.fulfilled, f.paid) },
  ]);
}

/** One chart per currency, every day of the period on its axis (days without sales at zero). */
function drawSales(box, data) {
  const currencies = [...new Set(data.salesPerDay.map((d) => d.currency))].sort();
  if (currencies.length === 0) {
    box.replaceChildren(h('p', { class: 'empty' }, 'No paid orders in this period.'));
    return;
  }
  const days = everyDay(data.from, data.to);
  box.replaceChildren();
  for (const currency of currencies) {
    const sales = data.salesPerDay.filter((d) => d.currency === currency);
    const exponent = exponentOf(sales[0].total.decimal);
    const byDay = new Map(sales.map((d) => [d.day, d.total.amount]));
    const total = sales.reduce((sum, d) => sum + d.total.amount, 0);
    const chart = h('div', { class: 'chart', 'data-currency': currency, role: 'img',
      'aria-label': `Sales per day in ${currency}, ${money(decimalOf(total, exponent), currency)} in all` });
    box.append(h('h3', {}, `${currency}: ${money(decimalOf(total, exponent), currency)}`), chart);
    window.echarts.init(chart).setOption({
      animation: false,
      grid: { left: 60, right: 16, top: 16, bottom: 40 },
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      xAxis: { type: 'category', data: days },
      yAxis: { type: 'value', name: currency },
      series: [{ type: 'bar', name: currency,
        data: days.map((day) => Number(decimalOf(byDay.get(day) ?? 0, exponent))) }],
    });
  }
}

function everyDay(from, to) {
  const days = [];
  for (let day = new Date(`${from}T00:00:00Z`); day <= new Date(`${to}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + 1)) {
    days.push(day.toISOString().slice(0, 10));
  }
  return days;
}
