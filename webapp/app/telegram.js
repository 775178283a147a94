// The few parts of the official Telegram.WebApp API the shop uses, with version guards, so views
// never touch window.Telegram directly. Outside Telegram every call is a harmless no-op.

const webApp = window.Telegram?.WebApp ?? null;

/** Launch parameters are present only when Telegram (or the sandbox host) opened the page. */
export const insideTelegram = Boolean(webApp && webApp.initData);
export const initData = webApp?.initData ?? '';
export const languageCode = webApp?.initDataUnsafe?.user?.language_code ?? '';
/** The link's startapp value; unverified here, the engine reads the signed copy inside initData. */
export const startParam = webApp?.initDataUnsafe?.start_param ?? '';

// BackButton, HapticFeedback and openInvoice arrived in Bot API 6.1; older clients only log warnings.
const atLeast61 = Boolean(webApp?.isVersionAtLeast?.('6.1'));
// SecondaryButton and the bottom bar's colour arrived in Bot API 7.10. telegram-web-app.js defines
// the SecondaryButton object for every version, but older clients ignore it, so it is guarded here.
const atLeast710 = Boolean(webApp?.isVersionAtLeast?.('7.10'));

export function start({ onThemeChanged, onViewportChanged }) {
  if (!webApp) return;
  webApp.ready();
  webApp.expand();
  const themed = () => {
    paintTelegramChrome();
    onThemeChanged();
  };
  webApp.onEvent('themeChanged', themed);
  webApp.onEvent('viewportChanged', onViewportChanged);
  themed();
  onViewportChanged({ isStateStable: true });
}

/**
 * Telegram's header, the area behind the page and the bottom bar take the page's own colours, by
 * theme key, so the client repaints them when the theme changes (re-applied on every themeChanged
 * for clients that resolve a key only once). Header and background colours arrived in Bot API 6.1,
 * the bottom bar's in 7.10.
 */
function paintTelegramChrome() {
  if (!atLeast61) return;
  webApp.setHeaderColor('bg_color');
  webApp.setBackgroundColor('bg_color');
  if (atLeast710) webApp.setBottomBarColor('bottom_bar_bg_color');
}

export const colorScheme = () => webApp?.colorScheme ?? 'light';
export const stableViewportHeight = () => webApp?.viewportStableHeight || window.innerHeight;

export const haptic = {
  added: () => atLeast61 && webApp.HapticFeedback.impactOccurred('light'),
  success: () => atLeast61 && webApp.HapticFeedback.notificationOccurred('success'),
  error: () => atLeast61 && webApp.HapticFeedback.notificationOccurred('error'),
};

// One click handler is registered once and forwards to the current action, so screens can swap
// actions without piling up handlers on Telegram's buttons.
let mainAction = null;
let secondaryAction = null;
let backAction = null;
if (webApp) {
  webApp.MainButton.onClick(() => mainAction?.());
  if (atLeast61) webApp.BackButton.onClick(() => backAction?.());
  if (atLeast710) webApp.SecondaryButton.onClick(() => secondaryAction?.());
}

export const mainButton = {
  show(text, action) {
    mainAction = action;
    if (!webApp) return;
    webApp.MainButton.setText(text.slice(0, 64)); // Telegram refuses longer texts
    webApp.MainButton.enable();
    webApp.MainButton.show();
  },
  hide() {
    mainAction = null;
    webApp?.MainButton.hideProgress();
    webApp?.MainButton.hide();
  },
  busy(on) {
    if (!webApp) return;
    if (on) {
      webApp.MainButton.showProgress(false);
      webApp.MainButton.disable();
    } else {
      webApp.MainButton.hideProgress();
      webApp.MainButton.enable();
    }
  },
};

/**
 * Telegram's SecondaryButton (Bot API 7.10), stacked above the MainButton ('top': texts carrying a
 * total do not fit side by side on a 320-430 px phone). Where it is missing, `supported` is false
 * and the screen draws an in-page button instead.
 */
export const secondaryButton = {
  supported: atLeast710,
  show(text, action) {
    secondaryAction = action;
    if (!atLeast710) return;
    webApp.SecondaryButton.setParams({ text: text.slice(0, 64), position: 'top', is_active: true, is_visible: true });
  },
  hide() {
    secondaryAction = null;
    if (atLeast710) webApp.SecondaryButton.hide();
  },
};

export const backButton = {
  show(action) {
    backAction = action;
    if (atLeast61) webApp.BackButton.show();
  },
  hide() {
    backAction = null;
    if (atLeast61) webApp.BackButton.hide();
  },
};

export const canOpenInvoice = atLeast61;

// CloudStorage arrived in Bot API 6.9; values are strings of at most 4096 characters.
const cloud = webApp && webApp.isVersionAtLeast?.('6.9') && webApp.CloudStorage ? webApp.CloudStorage : null;
export const cloudStorage = {
  available: Boolean(cloud && webApp.initData),
  get: (key) => new Promise((resolve) => cloud.getItem(key, (error, value) => resolve(error ? null : value))),
  set: (key, value) => cloud.setItem(key, value.slice(0, 4096)),
};

/** Sharing a prepared message (Bot API 8.0) needs a verified user to prepare it for. */
export const canShare = Boolean(webApp?.isVersionAtLeast?.('8.0') && webApp.initData);
export const shareMessage = (id, onDone) => webApp.shareMessage(id, onDone);

/** Asks before the app closes while the cart holds something (Bot API 6.2). */
export function confirmClosing(on) {
  if (!webApp?.isVersionAtLeast?.('6.2')) return;
  if (on) webApp.enableClosingConfirmation();
  else webApp.disableClosingConfirmation();
}

/**
 * Opens Telegram's invoice sheet. Returns 'opened', or 'already-open' when Telegram still shows
 * this invoice (its callback has not fired yet).
 */
export function openInvoice(link, onClosed) {
  try {
    webApp.openInvoice(link, onClosed);
    return 'opened';
  } catch (e) {
    if (e.message === 'WebAppInvoiceOpened') return 'already-open';
    throw e;
  }
}

/**
 * Bot API 8.0: Telegram's own download sheet, which takes https URLs only; older clients, plain
 * http (a local sandbox) and browsers open the URL instead.
 */
export function downloadFile(url, fileName) {
  const telegramCan = webApp?.isVersionAtLeast?.('8.0') && typeof webApp.downloadFile === 'function'
    && url.startsWith('https://');
  if (telegramCan) {
    try {
      webApp.downloadFile({ url, file_name: fileName });
      return;
    } catch (e) {
      // A sheet already open or a refused URL: fall through to opening it.
    }
  }
  window.open(url, '_blank', 'noopener');
}

/** Opens a link outside the Mini App (Telegram's in-app browser), or a new tab outside Telegram. */
export function openLink(url) {
  if (webApp?.openLink) webApp.openLink(url);
  else window.open(url, '_blank', 'noopener');
}
