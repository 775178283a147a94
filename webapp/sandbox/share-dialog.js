// WebApp.shareMessage(id) (Bot API 8.0): telegram-web-app.js sends web_app_send_prepared_message
// {id}; Telegram shows the message the bot prepared with savePreparedInlineMessage and a chat
// picker, then answers prepared_message_sent or prepared_message_failed {error}. Here the dialog
// shows the prepared message (text and buttons) with "Send" and "Cancel"; there are no other chats
// to pick, so "Send" only reports success.
import { getJson } from './activity-log.js';

export function wireShareDialog(bridge, currentUserId) {
  bridge.on('web_app_send_prepared_message', async ({ id }) => {
    let message;
    try {
      message = await getJson(`/sandbox/api/users/${currentUserId()}/prepared-messages/${encodeURIComponent(id)}`);
    } catch (e) {
      bridge.send('prepared_message_failed', { error: 'MESSAGE_EXPIRED' });
      return;
    }
    show(message, (sent) => bridge.send(sent ? 'prepared_message_sent' : 'prepared_message_failed',
      sent ? {} : { error: 'USER_DECLINED' }));
  });
}

function show(message, answer) {
  const dialog = document.getElementById('share-dialog') || document.getElementById('phone').appendChild(document.createElement('div'));
  dialog.id = 'share-dialog';
  dialog.className = 'sheet-backdrop';
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-label', 'Share message');
  const card = document.createElement('div');
  card.className = 'sheet';
  const title = document.createElement('h2');
  title.textContent = 'Share: ' + message.title;
  const text = document.createElement('p');
  text.className = 'shared-text';
  text.style.whiteSpace = 'pre-line';
  text.textContent = message.input_message_content.message_text;
  const buttons = (message.reply_markup?.inline_keyboard ?? []).flat().map((b) => {
    const link = document.createElement('a');
    link.className = 'shared-button';
    link.textContent = b.text;
    link.href = b.url || '#';
    link.target = '_blank';
    link.rel = 'noopener';
    return link;
  });
  const close = (sent) => {
    dialog.remove();
    answer(sent);
  };
  const send = document.createElement('button');
  send.textContent = 'Send';
  send.className = 'pay';
  send.addEventListener('click', () => close(true));
  const cancel = document.createElement('button');
  cancel.textContent = 'Cancel';
  cancel.addEventListener('click', () => close(false));
  card.append(title, text, ...buttons, send, cancel);
  dialog.replaceChildren(card);
}
