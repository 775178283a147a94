// Glue for the sandbox host page: who is using the Mini App, in which theme, and the simple
// request/answer events of telegram-web-app.js. See docs/sandbox-host.md for the protocol list.
import { createBridge } from './bridge.js';
import { wireButtons } from './buttons.js';
import { wireInvoices } from './invoice-sheet.js';
import { getJson, logEntry, startEmulatorLog } from './activity-log.js';
import { THEMES, paintHost } from './themes.js';
import { wireCloudStorage } from './cloud-storage.js';
import { wireShareDialog } from './share-dialog.js';
import { startChat } from './chat.js';
import { startOperatorChat } from './operator-chat.js';

const APP_URL = '/app/';
const query = new URLSearchParams(location.search);
let frame = null;
let userId = Number(query.get('user')) || 100001;
let theme = query.get('theme') === 'dark' ? 'dark' : 'light';

const bridge = createBridge(() => frame);
const buttons = wireButtons(bridge, () => THEMES[theme]);
wireInvoices(bridge, () => userId, () => refreshUsers());
wireCloudStorage(bridge, () => userId);
wireShareDialog(bridge, () => userId);

// ?width=320 narrows the phone (320-430 px) to try the Mini App on small screens.
const phoneWidth = Number(query.get('width'));
if (phoneWidth >= 320 && phoneWidth <= 430) document.getElementById('phone').style.width = phoneWidth + 'px';

// Replies to the script's start-up questions and to expand(): the app sizes itself from these.
bridge.on('web_app_request_theme', () => bridge.send('theme_changed', { theme_params: THEMES[theme] }));
bridge.on('web_app_request_viewport', sendViewport);
bridge.on('web_app_expand', sendViewport);
bridge.on('web_app_request_safe_area', () => bridge.send('safe_area_changed', { top: 0, bottom: 0, left: 0, right: 0 }));
bridge.on('web_app_request_content_safe_area',
  () => bridge.send('content_safe_area_changed', { top: 0, bottom: 0, left: 0, right: 0 }));
bridge.on('web_app_ready', () => document.getElementById('phone').dataset.ready = 'true');
bridge.on('web_app_close', () => {
  document.getElementById('closed-note').hidden = false;
  frame.remove();
  frame = null;
});
// The header follows setHeaderColor: a colour, or a theme key resolved against the current theme
// again whenever the theme changes (telegram-web-app.js does not resend an unchanged key).
let headerColor = { color: null, color_key: null };
bridge.on('web_app_set_header_color', ({ color, color_key }) => {
  headerColor = { color: color || null, color_key: color_key || null };
  paintHeader();
});
bridge.on('web_app_set_background_color', ({ color }) => document.getElementById('phone').style.background = color);
bridge.on('web_app_set_bottom_bar_color', ({ color }) => document.getElementById('bottom-bar').style.background = color);
bridge.on('web_app_open_link', ({ url }) => window.open(url, '_blank', 'noopener'));
// Telegram shows its own download sheet; here the browser downloads the file at once.
bridge.on('web_app_request_file_download', ({ url, file_name }) => {
  const link = Object.assign(document.createElement('a'), { href: url, download: file_name || '' });
  link.click();
  bridge.send('file_download_requested', { status: 'downloading' });
});
// Haptics have no meaning on a desktop page; the log above already shows them.
bridge.on('web_app_trigger_haptic_feedback', () => {});
for (const silent of ['iframe_ready', 'iframe_will_reload', 'web_app_setup_closing_behavior',
  'web_app_setup_swipe_behavior', 'web_app_setup_settings_button']) {
  bridge.on(silent, () => {});
}
bridge.on('*', (data, eventType) => logEntry('from-app', 'not emulated', eventType));

function paintHeader() {
  const header = document.getElementById('tg-header');
  header.style.background = headerColor.color || THEMES[theme][headerColor.color_key] || '';
  header.style.color = readableOn(header.style.background ? getComputedStyle(header).backgroundColor : '');
}

/** Black or white title and icons, whichever reads on the header's colour; the theme's text colour by default. */
function readableOn(rgb) {
  const [r, g, b] = (rgb.match(/\d+/g) || []).map(Number);
  if (r === undefined) return '';
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#000000' : '#ffffff';
}

function sendViewport() {
  const height = document.getElementById('frame-holder').clientHeight;
  bridge.send('viewport_changed', { height, width: frame ? frame.clientWidth : 0, is_expanded: true, is_state_stable: true });
}

/** A fresh frame, because only the hash would change and a hash change does not reload a page. */
async function launch() {
  // ?startapp=… plays a t.me/<bot>/<app>?startapp=… link: Telegram signs it into initData as start_param
  // and passes it as tgWebAppStartParam too.
  const startApp = query.get('startapp') || '';
  const launchData = await getJson('/sandbox/api/host/launch?userId=' + userId
    + (startApp ? '&startapp=' + encodeURIComponent(startApp) : ''));
  const hash = new URLSearchParams({
    tgWebAppData: launchData.initData,
    // ?version=7.7 plays an older Telegram app (for fallbacks); the engine's setting otherwise.
    tgWebAppVersion: /^\d+\.\d+$/.test(query.get('version') || '') ? query.get('version') : launchData.version,
    tgWebAppPlatform: launchData.platform,
    tgWebAppThemeParams: JSON.stringify(THEMES[theme])
  });
  if (startApp) hash.set('tgWebAppStartParam', startApp);
  buttons.reset();
  headerColor = { color: null, color_key: null };
  paintHeader();
  document.getElementById('phone').style.background = '';
  document.getElementById('bottom-bar').style.background = '';
  document.getElementById('closed-note').hidden = true;
  document.getElementById('phone').dataset.ready = 'false';
  const next = document.createElement('iframe');
  next.id = 'mini-app';
  next.title = 'Mini App';
  next.src = APP_URL + '#' + hash.toString().replace(/\+/g, '%20');
  if (frame) {
    frame.remove();
  }
  frame = next;
  document.getElementById('frame-holder').append(next);
  logEntry('to-app', 'launch', `${launchData.user.firstName} (${userId}, ${launchData.user.languageCode}), ${theme} theme`);
}

async function refreshUsers() {
  const select = document.getElementById('user-select');
  const users = await getJson('/sandbox/api/users');
  select.replaceChildren(...users.map((user) => {
    const option = document.createElement('option');
    option.value = user.id;
    option.textContent = `${user.firstName} (${user.id}, ${user.languageCode}) — ⭐ ${user.starBalance}`;
    option.selected = user.id === userId;
    return option;
  }));
}

function applyTheme() {
  paintHost(THEMES[theme]);
  const toggle = document.getElementById('theme-toggle');
  toggle.textContent = theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme';
  toggle.setAttribute('aria-pressed', String(theme === 'dark'));
  buttons.repaint();
  paintHeader();
}

document.getElementById('user-select').addEventListener('change', (event) => {
  userId = Number(event.target.value);
  launch();
});
document.getElementById('theme-toggle').addEventListener('click', () => {
  theme = theme === 'dark' ? 'light' : 'dark';
  applyTheme();
  bridge.send('theme_changed', { theme_params: THEMES[theme] });
});
document.getElementById('reload-button').addEventListener('click', launch);
document.getElementById('reopen-button').addEventListener('click', launch);
document.getElementById('close-button').addEventListener('click', () => {
  frame?.remove();
  frame = null;
  document.getElementById('closed-note').hidden = false;
});
window.addEventListener('resize', () => frame && sendViewport());

applyTheme();
refreshUsers();
launch();
startEmulatorLog(1500);
startChat(() => userId, 1000);
startOperatorChat(1000);
setInterval(refreshUsers, 5000);
