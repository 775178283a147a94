// The Telegram-drawn controls around the app: MainButton and SecondaryButton in the bottom bar,
// BackButton in the header, popups. Their state comes only from the app's set-up messages, as in
// Telegram: telegram-web-app.js sends the full state on every change (text, colours, is_visible,
// is_active, is_progress_visible, has_shine_effect, and the secondary's position).
export function wireButtons(bridge, currentTheme) {
  const bar = document.getElementById('bottom-bar');
  const main = bottomButton(bridge, document.getElementById('main-button'), 'main_button_pressed',
    (theme) => ({ color: theme.button_color, text_color: theme.button_text_color }));
  const secondary = bottomButton(bridge, document.getElementById('secondary-button'), 'secondary_button_pressed',
    (theme) => ({ color: theme.bottom_bar_bg_color || theme.secondary_bg_color, text_color: theme.button_color }));
  const back = document.getElementById('back-button');

  bridge.on('web_app_setup_main_button', (params) => main.setup(params, currentTheme()));
  bridge.on('web_app_setup_secondary_button', (params) => {
    secondary.setup(params, currentTheme());
    bar.dataset.secondaryPosition = params.position || bar.dataset.secondaryPosition || 'left';
  });
  bridge.on('web_app_setup_back_button', (params) => {
    back.hidden = !params.is_visible;
  });
  back.addEventListener('click', () => bridge.send('back_button_pressed'));
  bridge.on('web_app_open_popup', (params) => showPopup(params, bridge));

  return {
    /** A new theme changes the default button colours; the script then re-sends its set-up. */
    repaint: () => {
      main.repaint(currentTheme());
      secondary.repaint(currentTheme());
    },
    reset: () => {
      main.reset();
      secondary.reset();
      bar.dataset.secondaryPosition = 'left';
      back.hidden = true;
    }
  };
}

/** One of the bottom bar's buttons: a click on a visible, active one sends `pressedEvent`. */
function bottomButton(bridge, button, pressedEvent, defaultColours) {
  let state = { is_visible: false };
  button.addEventListener('click', () => {
    if (state.is_visible && state.is_active !== false) {
      bridge.send(pressedEvent);
    }
  });
  return {
    setup(params, theme) {
      state = params;
      render(button, state, defaultColours(theme));
    },
    repaint: (theme) => render(button, state, defaultColours(theme)),
    reset() {
      state = { is_visible: false };
      button.hidden = true;
    }
  };
}

function render(button, params, defaults) {
  button.hidden = !params.is_visible;
  if (!params.is_visible) {
    return;
  }
  button.querySelector('.button-text').textContent = params.text || '';
  button.style.background = params.color || defaults.color;
  button.style.color = params.text_color || defaults.text_color;
  button.disabled = params.is_active === false;
  button.classList.toggle('shine', !!params.has_shine_effect);
  button.setAttribute('aria-busy', String(!!params.is_progress_visible));
  button.querySelector('.spinner').hidden = !params.is_progress_visible;
}

/** showPopup / showAlert / showConfirm: buttons of type ok, close, cancel, default, destructive. */
function showPopup(params, bridge) {
  const popup = document.getElementById('popup');
  const sheet = document.createElement('div');
  sheet.className = 'sheet';
  if (params.title) {
    const title = document.createElement('h2');
    title.textContent = params.title;
    sheet.append(title);
  }
  const message = document.createElement('p');
  message.textContent = params.message || '';
  sheet.append(message);
  const actions = document.createElement('div');
  actions.className = 'actions';
  const buttons = params.buttons && params.buttons.length ? params.buttons : [{ id: '', type: 'close' }];
  for (const spec of buttons) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = spec.text || { ok: 'OK', close: 'Close', cancel: 'Cancel' }[spec.type] || spec.type;
    button.addEventListener('click', () => {
      popup.hidden = true;
      bridge.send('popup_closed', { button_id: spec.id });
    });
    actions.append(button);
  }
  sheet.append(actions);
  popup.replaceChildren(sheet);
  popup.hidden = false;
}
