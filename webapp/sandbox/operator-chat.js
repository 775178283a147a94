// The "Shop operators" tab beside the buyer's chat: the emulator's operator group, where the bot
// sends the shop's operator alerts (docs/operations.md#operator-chat). Polls the group like the
// chat pane polls the buyer's chat and counts what arrived while the tab was not shown.
import { getJson } from './activity-log.js';
import { textBlock } from './chat.js';

const MAX_SHOWN = 200;
let lastId = 0;
let unread = 0;
let historyShown = false; // what the group held when the page opened is not "unread"

/** Wires the two tabs and starts polling the operator group every {@code intervalMillis}. */
export function startOperatorChat(intervalMillis) {
  wireTabs();
  const poll = async () => {
    try {
      (await getJson('/sandbox/api/operator-chat/messages'))
        .filter((message) => message.message_id > lastId)
        .forEach(show);
      historyShown = true;
    } catch (e) {
      // The next poll tries again.
    }
  };
  poll();
  setInterval(poll, intervalMillis);
}

function wireTabs() {
  const tabs = [document.getElementById('chat-tab'), document.getElementById('operator-tab')];
  tabs.forEach((tab) => tab.addEventListener('click', () => {
    tabs.forEach((other) => {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      document.getElementById(other.getAttribute('aria-controls')).hidden = !selected;
    });
    if (operatorTabShown()) {
      unread = 0;
      paintUnread();
    }
  }));
}

function operatorTabShown() {
  return document.getElementById('operator-tab').getAttribute('aria-selected') === 'true';
}

function show(message) {
  lastId = Math.max(lastId, message.message_id);
  const list = document.getElementById('operator-chat');
  const item = document.createElement('li');
  item.className = 'bot';
  item.dataset.messageId = message.message_id;
  item.append(textBlock(message.text || ''));
  const time = document.createElement('time');
  time.textContent = new Date(message.date * 1000).toLocaleTimeString();
  item.append(time);
  list.append(item);
  while (list.children.length > MAX_SHOWN) {
    list.firstElementChild.remove();
  }
  list.scrollTop = list.scrollHeight;
  if (historyShown && !operatorTabShown()) {
    unread += 1;
    paintUnread();
  }
}

function paintUnread() {
  const badge = document.getElementById('operator-unread');
  badge.textContent = String(unread);
  badge.hidden = unread === 0;
}
