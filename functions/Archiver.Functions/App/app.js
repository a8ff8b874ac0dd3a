// Archiver's page: views switched by the URL hash (#/archive, #/tweets, #/tweets/{id}, #/submissions/{id}), so it
// works wherever the app is mounted (standalone or under the Functions host, at /api/app/).
import { askForKey, currentKey, onKeyChange, setKey } from './api.js';
import { archiveView, submissionView } from './archive-view.js';
import { el } from './dom.js';
import { refreshHealth, startHealthWatch } from './health.js';
import { listView } from './list-view.js';
import { tweetView } from './tweet-view.js';

const main = document.getElementById('main');
let generation = 0;

const routes = [
  [/^\/?(archive)?$/, 'archive', (root, ctx) => archiveView(root, ctx)],
  [/^\/tweets$/, 'tweets', (root, ctx, _, params) => listView(root, ctx, params)],
  [/^\/tweets\/([0-9]{1,19})$/, 'tweets', (root, ctx, match) => tweetView(root, ctx, match[1])],
  [/^\/submissions\/([0-9a-f-]{27})$/, 'tweets', (root, ctx, match) => submissionView(root, ctx, match[1])],
];

function route(moveFocus) {
  const current = ++generation;
  const ctx = { alive: () => current === generation };
  const hash = location.hash.replace(/^#/, '');
  const at = hash.indexOf('?');
  const path = at < 0 ? hash : hash.slice(0, at);
  const params = new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
  const found = routes.map(([pattern, nav, view]) => ({ match: pattern.exec(path), nav, view })).find(r => r.match);

  for (const link of document.querySelectorAll('[data-nav]')) {
    if (found && link.dataset.nav === found.nav) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }

  main.replaceChildren();
  if (found) {
    found.view(main, ctx, found.match, params);
  } else {
    main.append(el('h1', { tabindex: -1 }, 'Not found'),
      el('p', {}, 'There is no such view. ', el('a', { href: '#/archive' }, 'Archive an article'), ' or ', el('a', { href: '#/tweets' }, 'browse the archive'), '.'));
  }
  document.title = `${main.querySelector('h1')?.textContent ?? 'Archiver'} · Archiver`;
  if (moveFocus) {
    main.querySelector('h1')?.focus();
  }
}

const keyButton = document.getElementById('key-button');
const showKeyState = hasKey => {
  keyButton.textContent = hasKey ? 'Forget key' : 'Enter key';
  keyButton.setAttribute('aria-label', hasKey ? 'Forget the function key kept in this tab' : 'Enter the function key');
};
keyButton.addEventListener('click', async () => {
  if (currentKey()) {
    setKey('');
  } else if (await askForKey('Enter the function key of this archive.')) {
    route(false);
  }
});
onKeyChange(hasKey => { showKeyState(hasKey); refreshHealth(); });
showKeyState(Boolean(currentKey()));
startHealthWatch();

window.addEventListener('hashchange', () => route(true));
route(false);
