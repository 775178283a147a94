// A product's picture: an uploaded one with its responsive sizes (srcset), else the typed photo URL
// (the demo shop's SVG illustrations), else a tinted tile with the initial.
import { h } from './dom.js';
import { t } from '../i18n.js';

/** @param sizes the CSS width the picture takes, for the browser to pick a rendition */
export function picture(item, sizes, className = 'product-photo') {
  const alt = t('product.photo', { title: item.title });
  if (item.image) {
    return h('img', { class: className, src: item.image.url, srcset: item.image.srcset, sizes, alt,
      loading: 'lazy', width: item.image.width, height: item.image.height });
  }
  if (item.photoUrl) return h('img', { class: className, src: item.photoUrl, alt, loading: 'lazy' });
  return h('div', { class: className + ' placeholder', 'aria-hidden': 'true' }, item.title.slice(0, 1));
}
