// Telegram's CloudStorage for the Mini App (Bot API 6.9): telegram-web-app.js sends
// web_app_invoke_custom_method {req_id, method, params} and waits for custom_method_invoked
// {req_id, result | error}. Telegram keeps the values on its servers per user and bot; the sandbox
// keeps them in this page's localStorage per sandbox user, so they survive a reload of the app and
// of the host. Telegram's limits: keys 1-128 of A-Z a-z 0-9 _ -, values up to 4096 characters.
const KEY = /^[A-Za-z0-9_-]{1,128}$/;

export function wireCloudStorage(bridge, currentUserId) {
  const storeKey = () => `sandbox-cloud-storage-${currentUserId()}`;
  const read = () => JSON.parse(localStorage.getItem(storeKey()) || '{}');
  const write = (values) => localStorage.setItem(storeKey(), JSON.stringify(values));

  const methods = {
    getStorageValues: ({ keys }) => {
      if (!Array.isArray(keys) || !keys.every((k) => KEY.test(k))) throw new Error('KEY_INVALID');
      const values = read();
      return Object.fromEntries(keys.map((k) => [k, values[k] ?? '']));
    },
    saveStorageValue: ({ key, value }) => {
      if (!KEY.test(key)) throw new Error('KEY_INVALID');
      if (typeof value !== 'string' || value.length > 4096) throw new Error('VALUE_INVALID');
      write({ ...read(), [key]: value });
      return true;
    },
    deleteStorageValues: ({ keys }) => {
      const values = read();
      (keys || []).forEach((k) => delete values[k]);
      write(values);
      return true;
    },
    getStorageKeys: () => Object.keys(read()),
  };

  bridge.on('web_app_invoke_custom_method', ({ req_id: reqId, method, params }) => {
    const run = methods[method];
    try {
      if (!run) throw new Error('METHOD_NOT_FOUND');
      bridge.send('custom_method_invoked', { req_id: reqId, result: run(params || {}) });
    } catch (e) {
      bridge.send('custom_method_invoked', { req_id: reqId, error: e.message });
    }
  });
}
