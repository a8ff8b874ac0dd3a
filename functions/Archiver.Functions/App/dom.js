// Builds the page from text only: strings become text nodes and attributes go through setAttribute.
// Nothing in this app turns a string into markup (no HTML-string setters or insertion), so tweet text, names and alt text
// can never become markup.

/** An element with attributes and children; `on*` function attributes become event listeners. */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  return append(node, children);
}

/** Appends children; strings and numbers as text nodes, null/false skipped. */
export function append(node, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** The URL when it is an absolute http(s) URL, else null: never a javascript: or data: link. */
export function safeHref(url) {
  if (typeof url !== 'string') {
    return null;
  }
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A link that leaves the app (never followed by the page itself, only when a person clicks it). */
export function externalLink(url, text) {
  const href = safeHref(url);
  return href
    ? el('a', { href, rel: 'noopener noreferrer nofollow', class: 'external' }, text ?? href)
    : el('span', {}, text ?? url ?? '');
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const numbers = new Intl.NumberFormat();

export function formatTime(iso) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : dateTime.format(date);
}

/** A <time> with the exact instant as its machine value and tooltip. */
export function timeEl(iso, prefix) {
  if (!iso) {
    return el('span', { class: 'muted' }, 'never');
  }
  return el('time', { datetime: iso, title: iso }, prefix ?? '', formatTime(iso));
}

export function formatNumber(n) {
  return numbers.format(n);
}

export function formatBytes(n) {
  if (typeof n !== 'number') {
    return '';
  }
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let value = n;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

const statusLabels = {
  pending: 'pending',
  available: 'available',
  unavailable: 'unavailable',
  deleted: 'deleted',
  suspended: 'suspended',
  protected: 'protected',
  age_restricted: 'age-restricted',
  withheld: 'withheld',
  not_found: 'not found',
  restored: 'restored',
  edited: 'edited',
  partial: 'partial',
};

export const tweetStatuses = Object.keys(statusLabels).filter(s => s !== 'edited' && s !== 'partial');

export function statusLabel(status) {
  return statusLabels[status] ?? String(status ?? 'unknown').replaceAll('_', ' ');
}

/** The badge of a tweet's status; `reason` qualifies "unavailable" (what the source said, not yet confirmed). */
export function statusBadge(status, reason) {
  const text = status === 'unavailable' && reason ? `unavailable: ${statusLabel(reason)}?` : statusLabel(status);
  return el('span', { class: `badge status-${status}`, 'data-status': status }, text);
}

/** Shows a failure in place: the API's own error message and code when it gave one. */
export function errorBox(error, prefix) {
  return el('p', { class: 'error', role: 'alert' }, prefix ? `${prefix} ` : '', describeError(error));
}

export function describeError(error) {
  if (error && typeof error.status === 'number') {
    const api = error.body?.error;
    return api?.message
      ? `${api.message} (${api.code}, HTTP ${error.status})`
      : `The server answered HTTP ${error.status}.`;
  }
  return error?.message ?? String(error);
}
