// The engine's HTTP API as the Mini App uses it. Errors arrive as problem JSON ({code, detail, …}),
// with extension members such as orderId where the client needs a value to act on.

export class ApiError extends Error {
  constructor(status, code, detail, problem = {}) {
    super(detail || code);
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.problem = problem;
  }
}

/** The order a 502 from POST /api/orders saved before its invoice failed: the problem's orderId member. */
export function orderIdIn(error) {
  return typeof error.problem?.orderId === 'string' ? error.problem.orderId : null;
}

/** @param initData Telegram.WebApp.initData, sent unchanged for the engine to verify */
export function createApi(initData) {
  async function call(method, path, body, headers = {}) {
    const init = { method, headers: { Accept: 'application/json', ...headers } };
    if (initData) init.headers.Authorization = 'tma ' + initData;
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (e) {
      throw new ApiError(0, 'network', String(e));
    }
    const json = await response.json().catch(() => null);
    if (!response.ok) {
      throw new ApiError(response.status, json?.code || 'http-' + response.status, json?.detail || '', json || {});
    }
    return json;
  }

  return {
    catalog: () => call('GET', '/api/catalog'),
    // promoCode goes in the body only when the shopper typed one.
    placeOrder: (items, currency, idempotencyKey, promoCode = null) =>
      call('POST', '/api/orders', promoCode ? { items, currency, promoCode } : { items, currency },
        { 'Idempotency-Key': idempotencyKey }),
    order: (id) => call('GET', `/api/orders/${id}`),
    orders: () => call('GET', '/api/orders?limit=50').then((list) => list.orders),
    issueInvoice: (id) => call('POST', `/api/orders/${id}/invoice`),
    invoiceClosed: (id, status) => call('POST', `/api/orders/${id}/invoice-closed`, { status }),
    subscriptions: () => call('GET', '/api/subscriptions'),
    /** {id, expirationDate}: a product card prepared for WebApp.shareMessage. */
    prepareShare: (sku) => call('POST', `/api/share/products/${encodeURIComponent(sku)}`),
    purchases: () => call('GET', '/api/purchases').then((body) => body.purchases),
    cancelSubscription: (id) => call('POST', `/api/subscriptions/${id}/cancel`),
    reenableSubscription: (id) => call('POST', `/api/subscriptions/${id}/reenable`),
  };
}
