import { getJson } from './api.js';

/** The review queue's tab shows how many orders wait for a person. */
export async function refreshReviewCount() {
  const badge = document.getElementById('review-count');
  if (!badge) return;
  try {
    const counts = await getJson('/api/admin/orders/counts');
    badge.textContent = String(counts.NEEDS_REVIEW);
    badge.dataset.count = String(counts.NEEDS_REVIEW);
  } catch (e) {
    // the badge keeps its last number; the views show errors themselves
  }
}
