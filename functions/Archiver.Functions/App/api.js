// Talks to this app's /api. The page itself needs no key; when a call answers 401 the page asks for the function key
// once (a modal dialog), keeps it in sessionStorage for this tab, and sends it as `x-functions-key` with every call and
// as `?code=` on URLs the browser loads by itself (img, video, downloads), which cannot carry headers.

const keyName = 'archiver.key';
const listeners = new Set();
let prompt = null;

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error?.message ?? `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

export function currentKey() {
  return sessionStorage.getItem(keyName) ?? '';
}

export function setKey(key) {
  if (key) {
    sessionStorage.setItem(keyName, key);
  } else {
    sessionStorage.removeItem(keyName);
  }
  listeners.forEach(listener => listener(Boolean(key)));
}

export function onKeyChange(listener) {
  listeners.add(listener);
}

/** Asks for the key; concurrent callers share one dialog. Resolves to the key, or null when the person cancels. */
export function askForKey(message) {
  prompt ??= showKeyDialog(message).finally(() => { prompt = null; });
  return prompt;
}

function showKeyDialog(message) {
  const dialog = document.getElementById('key-dialog');
  const input = document.getElementById('key-input');
  document.getElementById('key-message').textContent = message;
  input.value = '';
  dialog.returnValue = '';
  return new Promise(resolve => {
    dialog.addEventListener('close', () => {
      const key = dialog.returnValue === 'save' ? input.value.trim() : '';
      input.value = '';
      if (key) {
        setKey(key);
      }
      resolve(key || null);
    }, { once: true });
    dialog.showModal();
    input.focus();
  });
}

/** fetch() on the app with the key; on 401 asks for the key and tries again (up to three keys). */
export async function api(path, init = {}) {
  for (let attempt = 0; ; attempt++) {
    const headers = new Headers(init.headers);
    headers.set('Accept', 'application/json');
    const key = currentKey();
    if (key) {
      headers.set('x-functions-key', key);
    }
    const response = await fetch(path, { ...init, headers, cache: 'no-store', credentials: 'omit' });
    if (response.status !== 401 || attempt >= 3) {
      return response;
    }
    const entered = await askForKey(key
      ? 'That key was refused. Enter the function key of this archive.'
      : 'This archive needs its function key to answer.');
    if (!entered) {
      return response;
    }
  }
}

/** The JSON body of a successful call, with its status; an ApiError carrying the error body otherwise. */
export async function apiJson(path, init) {
  const response = await api(path, init);
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, body);
  }
  return { status: response.status, body };
}

/** A URL the browser loads by itself (img, video, download link): the key goes in `code`. */
export function withKey(path) {
  const key = currentKey();
  return key ? `${path}${path.includes('?') ? '&' : '?'}code=${encodeURIComponent(key)}` : path;
}
