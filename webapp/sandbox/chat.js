// The user's chat with the bot, beside the Mini App, as Telegram shows it: the bot's receipts,
// delivered codes and texts (copyable), documents (downloadable), shipping messages, and the user's
// own service messages (payments, refunds). Polls the emulator for messages newer than the last seen.
import { getJson } from './activity-log.js';

const MAX_SHOWN = 200;
let shownFor = null;
let lastId = 0;

/** Starts polling the chat of whoever {@code currentUser()} is; switching users starts over. */
export function startChat(currentUser, intervalMillis) {
  const poll = async () => {
    const userId = currentUser();
    if (userId !== shownFor) {
      shownFor = userId;
      lastId = 0;
      document.getElementById('chat').replaceChildren();
    }
    try {
      const chat = await getJson(`/sandbox/api/users/${userId}/chat?after=${lastId}`);
      if (userId === shownFor) {
        chat.messages.forEach(show);
      }
    } catch (e) {
      // The next poll tries again; the live log shows the engine's side.
    }
  };
  poll();
  setInterval(poll, intervalMillis);
}

function show(message) {
  lastId = Math.max(lastId, message.message_id);
  const list = document.getElementById('chat');
  const item = document.createElement('li');
  const fromBot = Boolean(message.from && message.from.is_bot);
  item.className = fromBot ? 'bot' : 'user';
  item.dataset.messageId = message.message_id;
  if (message.successful_payment) {
    item.className = 'service';
    item.textContent = `You paid ${amount(message.successful_payment)}`;
  } else if (message.refunded_payment) {
    item.className = 'service';
    item.textContent = `Refunded to you: ${amount(message.refunded_payment)}`;
  } else if (message.document) {
    item.append(documentCard(message.document));
    if (message.caption) {
      item.append(textBlock(message.caption));
    }
  } else {
    item.append(textBlock(message.text || ''));
  }
  if (fromBot && (message.text || message.caption)) {
    item.append(copyButton(message.text || message.caption));
  }
  const time = document.createElement('time');
  time.textContent = new Date(message.date * 1000).toLocaleTimeString();
  item.append(time);
  list.append(item);
  while (list.children.length > MAX_SHOWN) {
    list.firstElementChild.remove();
  }
  list.scrollTop = list.scrollHeight;
}

function amount(payment) {
  return payment.currency === 'XTR' ? `⭐ ${payment.total_amount}` : `${payment.total_amount} ${payment.currency} (minor units)`;
}

/** Text with its https links clickable; everything else stays text (never HTML). */
export function textBlock(text) {
  const block = document.createElement('p');
  block.className = 'text';
  for (const part of text.split(/(https:\/\/[^\s]+)/)) {
    if (/^https:\/\/[^\s]+$/.test(part)) {
      const link = document.createElement('a');
      link.href = part;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.textContent = part;
      block.append(link);
    } else {
      block.append(part);
    }
  }
  return block;
}

function documentCard(document) {
  const card = window.document.createElement('a');
  card.className = 'document';
  card.href = '/sandbox/api/files/' + encodeURIComponent(document.file_id);
  card.download = document.file_name || 'document';
  card.textContent = `📄 ${document.file_name || 'document'} (${Math.ceil((document.file_size || 0) / 1024)} KB) — Download`;
  return card;
}

function copyButton(text) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy';
  button.textContent = 'Copy';
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(text);
      button.textContent = 'Copied';
    } catch (e) {
      button.textContent = 'Copy failed';
    }
  });
  return button;
}
