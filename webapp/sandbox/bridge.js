// The parent side of telegram-web-app.js's iframe transport. Inside an iframe the script posts
// JSON strings {eventType, eventData} to window.parent and listens for the same shape from it.
import { logEntry } from './activity-log.js';

export function createBridge(getFrame) {
  const handlers = {};

  window.addEventListener('message', (event) => {
    const frame = getFrame();
    if (!frame || event.source !== frame.contentWindow) {
      return; // only the framed Mini App speaks this protocol
    }
    let message;
    try {
      message = typeof event.data === 'string' ? JSON.parse(event.data) : event.data;
    } catch (notJson) {
      return;
    }
    if (!message || !message.eventType) {
      return;
    }
    logEntry('from-app', '← app', message.eventType + describe(message.eventData));
    const handler = handlers[message.eventType] || handlers['*'];
    if (handler) {
      handler(message.eventData || {}, message.eventType);
    }
  });

  return {
    on(eventType, handler) {
      handlers[eventType] = handler;
    },
    /** Telegram's clients send events into the frame as JSON strings, like the script sends. */
    send(eventType, eventData) {
      const frame = getFrame();
      if (!frame || !frame.contentWindow) {
        return;
      }
      logEntry('to-app', '→ app', eventType + describe(eventData));
      frame.contentWindow.postMessage(JSON.stringify({ eventType, eventData }), '*');
    }
  };
}

function describe(data) {
  if (data === undefined || data === '' || data === null) {
    return '';
  }
  const text = JSON.stringify(data);
  return text === '{}' ? '' : ' ' + text;
}
