// Theme parameters in the shape Telegram sends them (tgWebAppThemeParams, theme_changed).
// The colours approximate Telegram Web A's light and dark themes; they are not copied from it.
export const THEMES = {
  light: {
    bg_color: '#ffffff', text_color: '#000000', hint_color: '#707579', link_color: '#3390ec',
    button_color: '#3390ec', button_text_color: '#ffffff', secondary_bg_color: '#f4f4f5',
    header_bg_color: '#ffffff', bottom_bar_bg_color: '#ffffff', accent_text_color: '#3390ec',
    section_bg_color: '#ffffff', section_header_text_color: '#3390ec', section_separator_color: '#e7e7e7',
    subtitle_text_color: '#707579', destructive_text_color: '#e53935'
  },
  dark: {
    bg_color: '#212121', text_color: '#ffffff', hint_color: '#aaaaaa', link_color: '#8774e1',
    button_color: '#8774e1', button_text_color: '#ffffff', secondary_bg_color: '#0f0f0f',
    header_bg_color: '#212121', bottom_bar_bg_color: '#212121', accent_text_color: '#8774e1',
    section_bg_color: '#212121', section_header_text_color: '#aaaaaa', section_separator_color: '#0f0f0f',
    subtitle_text_color: '#aaaaaa', destructive_text_color: '#ff595a'
  }
};

/** Paints the host's own frame (header, sheet, bottom bar) in the theme the app was given. */
export function paintHost(params) {
  const style = document.documentElement.style;
  style.setProperty('--bg', params.bg_color);
  style.setProperty('--text', params.text_color);
  style.setProperty('--hint', params.hint_color);
  style.setProperty('--accent', params.button_color);
  style.setProperty('--secondary', params.secondary_bg_color);
  style.setProperty('--header', params.header_bg_color);
  style.setProperty('--bottom', params.bottom_bar_bg_color);
}
