// One list for everything that crosses a boundary: protocol messages between host and app, updates
// the emulator sent the bot and Bot API calls the bot made. Newest first, capped so it stays fast.
const MAX_ENTRIES = 300;
const seenUpdates = new Map();
let seenCalls = 0;

export function logEntry(cssClass, kind, text) {
  const list = document.getElementById('log');
  const item = document.createElement('li');
  item.className = cssClass;
  const label = document.createElement('span');
  label.className = 'kind';
  label.textContent = kind;
  item.append(label, ' ', text);
  list.prepend(item);
  while (list.children.length > MAX_ENTRIES) {
    list.lastElementChild.remove();
  }
}

/** Polls the emulator's control API; an update is logged again when its delivery status changes. */
export function startEmulatorLog(intervalMillis) {
  const poll = async () => {
    try {
      const [updates, calls] = await Promise.all([getJson('/sandbox/api/updates'), getJson('/sandbox/api/calls')]);
      for (const update of updates) {
        const state = update.status + '/' + update.attempts;
        if (seenUpdates.get(update.updateId) !== state) {
          seenUpdates.set(update.updateId, state);
          logEntry('update', 'update', `#${update.updateId} ${describeUpdate(update)} user ${update.userId}: `
            + `${update.status}${update.attempts > 1 ? ' after ' + update.attempts + ' attempts' : ''}`
            + (update.lastError ? ` (${update.lastError})` : ''));
        }
      }
      // The call log is append-only (capped at its oldest end), so a count is enough to find new calls.
      const fresh = calls.length < seenCalls ? calls : calls.slice(seenCalls);
      fresh.forEach((call) => logEntry('call', 'Bot API', `${call.method} → ${call.status} ${call.outcome || ''}`
        + (call.via === 'webhook-answer' ? ' (in webhook answer)' : '')));
      seenCalls = calls.length;
    } catch (unavailable) {
      // the engine restarting or a reset: try again on the next tick
    }
  };
  poll();
  return setInterval(poll, intervalMillis);
}

/** A payment arrives as a plain "message" update; name what it carries so the log tells the story. */
function describeUpdate(update) {
  const message = update.update && update.update.message;
  const service = message && ['successful_payment', 'refunded_payment'].find((key) => message[key]);
  return service ? `${update.kind} (${service})` : update.kind;
}

export async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(url + ' answered ' + response.status);
  }
  return response.json();
}
