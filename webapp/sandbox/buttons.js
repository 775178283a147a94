// The Telegram-drawn controls around the app: MainButton under the frame, BackButton in the header,
// popups. Their state comes only from the app's set-up messages, as in Telegram.
export function wireButtons(bridge, currentTheme) {
  const main = document.getElementById('main-button');
  const back = document.getElementById('back-button');
  let mainState = { is_visible: false };

  bridge.on('web_app_setup_main_button', (params) => {
    mainState = params;
    renderMain(main, params, currentTheme());
  });
  bridge.on('web_app_setup_back_button', (params) => {
    back.hidden = !params.is_visible;
  });
  main.addEventListener('click', () => {
    if (mainState.is_visible && mainState.is_active !== false) {
      bridge.send('main_button_pressed');
    }
  });
  back.addEventListener('click', () => bridge.send('back_button_pressed'));
  bridge.on('web_app_open_popup', (params) => showPopup(params, bridge));

  return {
    /** A new theme changes the default button colours; the script then re-sends its set-up. */
    repaint: () => renderMain(main, mainState, currentTheme()),
    reset: () => {
      mainState = { is_visible: false };
      main.hidden = true;
      back.hidden = true;
    }
  };
}

function renderMain(button, params, theme) {
  button.hidden = !params.is_visible;
  if (!params.is_visible) {
    return;
  }
  button.querySelector('.main-button-text').textContent = params.text || '';
  button.style.background = params.color || theme.button_color;
  button.style.color = params.text_color || theme.button_text_color;
  button.disabled = params.is_active === false;
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
