// The archive: GET /api/tweets?status=&changedSince=&pageSize=&continuationToken=, filtered by status and change date on
// the server and by handle on the page, paged with the continuation token; and the recent submissions
// (GET /api/submissions), each citation shown even before it has a tweet id (a short link, a signature).
import { apiJson } from './api.js';
import { el, errorBox, statusBadge, statusLabel, timeEl, tweetStatuses } from './dom.js';

export function listView(root, ctx, params) {
  const size = Number.parseInt(params.get('pageSize') ?? '', 10);
  const wanted = {
    status: tweetStatuses.includes(params.get('status')) ? params.get('status') : '',
    handle: (params.get('handle') ?? '').replace(/^@/, '').trim(),
    changedSince: /^\d{4}-\d{2}-\d{2}$/.test(params.get('changedSince') ?? '') ? params.get('changedSince') : '',
    pageSize: size >= 1 && size <= 200 ? String(size) : '50',
  };
  const sizes = [...new Set(['20', '50', '100', '200', wanted.pageSize])].sort((a, b) => a - b);

  const status = el('select', { id: 'filter-status', name: 'status' },
    el('option', { value: '' }, 'Any status'),
    tweetStatuses.map(s => el('option', { value: s, selected: s === wanted.status }, statusLabel(s))));
  const handle = el('input', { id: 'filter-handle', name: 'handle', type: 'search', value: wanted.handle, autocomplete: 'off', placeholder: 'e.g. jardemalie' });
  const changedSince = el('input', { id: 'filter-since', name: 'changedSince', type: 'date', value: wanted.changedSince });
  const pageSize = el('select', { id: 'filter-size', name: 'pageSize' },
    sizes.map(n => el('option', { value: n, selected: n === wanted.pageSize }, n)));
  const form = el('form', { class: 'filters', role: 'search' },
    el('div', { class: 'field' }, el('label', { for: 'filter-status' }, 'Status'), status),
    el('div', { class: 'field' }, el('label', { for: 'filter-handle' }, 'Handle'), handle),
    el('div', { class: 'field' }, el('label', { for: 'filter-since' }, 'Changed since'), changedSince),
    el('div', { class: 'field' }, el('label', { for: 'filter-size' }, 'Per page'), pageSize),
    el('div', { class: 'field' }, el('button', { type: 'submit', class: 'primary' }, 'Show')));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const query = new URLSearchParams();
    if (status.value) query.set('status', status.value);
    if (handle.value.trim()) query.set('handle', handle.value.trim().replace(/^@/, ''));
    if (changedSince.value) query.set('changedSince', changedSince.value);
    query.set('pageSize', pageSize.value);
    location.hash = `#/tweets?${query}`;
  });

  const summary = el('div', { class: 'summary', role: 'status', 'aria-live': 'polite' });
  const list = el('ul', { class: 'tweet-list' });
  const previous = el('button', { type: 'button', disabled: true }, 'Previous page');
  const next = el('button', { type: 'button', disabled: true }, 'Next page');
  const pages = [null];
  let page = 0;

  const load = async () => {
    previous.disabled = next.disabled = true;
    summary.textContent = 'Loading…';
    const query = new URLSearchParams({ pageSize: wanted.pageSize });
    if (wanted.status) query.set('status', wanted.status);
    if (wanted.changedSince) query.set('changedSince', `${wanted.changedSince}T00:00:00Z`);
    if (pages[page]) query.set('continuationToken', pages[page]);
    try {
      const { body } = await apiJson(`/api/tweets?${query}`);
      if (!ctx.alive()) {
        return;
      }
      const shown = wanted.handle
        ? body.tweets.filter(t => (t.screenName ?? '').toLowerCase() === wanted.handle.toLowerCase())
        : body.tweets;
      list.replaceChildren(...shown.map(row));
      summary.textContent = `Page ${page + 1}: ${shown.length} tweet${shown.length === 1 ? '' : 's'}`
        + (wanted.handle ? ` by @${wanted.handle} (of ${body.tweets.length} on this page)` : '')
        + (wanted.status ? `, status ${statusLabel(wanted.status)}` : '')
        + (wanted.changedSince ? `, changed since ${wanted.changedSince}` : '') + '.';
      pages.length = page + 1;
      if (body.continuationToken) {
        pages.push(body.continuationToken);
      }
      next.disabled = !body.continuationToken;
      previous.disabled = page === 0;
    } catch (error) {
      summary.replaceChildren(errorBox(error, 'The archive could not be listed:'));
      previous.disabled = page === 0;
    }
  };
  previous.addEventListener('click', () => { page--; load(); });
  next.addEventListener('click', () => { page++; load(); });

  root.append(
    el('h1', { tabindex: -1 }, 'The archive'),
    form,
    el('p', { class: 'hint' }, 'Status and change date are filtered by the server; the handle filter keeps the tweets of this page whose author has that handle.'),
    summary, list,
    el('nav', { class: 'pager', 'aria-label': 'Pages' }, previous, next),
    submissions(ctx));
  load();
}

function row(tweet) {
  return el('li', { 'data-tweet-id': tweet.tweetId, 'data-status': tweet.status },
    el('a', { href: `#/tweets/${tweet.tweetId}`, class: 'tweet-link' },
      tweet.screenName ? `@${tweet.screenName}` : 'unknown author', el('span', { class: 'muted' }, ` · ${tweet.tweetId}`)),
    statusBadge(tweet.status),
    tweet.versions > 1 ? statusBadge('edited') : null,
    el('span', { class: 'small' }, `${tweet.versions} version${tweet.versions === 1 ? '' : 's'} · checked `, timeEl(tweet.lastCheckedAt)));
}

function submissions(ctx) {
  const body = el('div', {}, el('p', { class: 'muted' }, 'Loading…'));
  const more = el('button', { type: 'button', hidden: true }, 'Older submissions');
  const list = el('ol', { class: 'submission-list' });
  let token = null;
  const load = async () => {
    more.disabled = true;
    try {
      const query = new URLSearchParams({ pageSize: '10' });
      if (token) query.set('continuationToken', token);
      const { body: page } = await apiJson(`/api/submissions?${query}`);
      if (!ctx.alive()) {
        return;
      }
      if (!token) {
        body.replaceChildren(page.submissions.length === 0 ? el('p', { class: 'muted' }, 'None yet. Articles archived here are listed, newest first.') : list);
      }
      list.append(...page.submissions.map(submissionItem));
      token = page.continuationToken;
      more.hidden = !token;
    } catch (error) {
      body.replaceChildren(errorBox(error, 'The submissions could not be listed:'));
    }
    more.disabled = false;
  };
  more.addEventListener('click', load);
  load();
  return el('section', { class: 'submissions', 'aria-labelledby': 'submissions-title' },
    el('h2', { id: 'submissions-title' }, 'Recent submissions'), body, more);
}

const outcomeWords = { archived: 'archived', pending: 'working…', unavailable: 'unavailable', unresolved: 'unresolved', not_a_tweet: 'not a tweet', failed: 'failed' };

function submissionItem(s) {
  const counts = Object.entries(s.counts ?? {}).filter(([, n]) => n > 0).map(([o, n]) => `${n} ${outcomeWords[o] ?? o}`);
  return el('li', { 'data-submission-id': s.id, 'data-status': s.status },
    el('a', { href: `#/submissions/${s.id}` }, timeEl(s.receivedAt)),
    ` · ${s.citations.length} citation${s.citations.length === 1 ? '' : 's'}${counts.length ? `: ${counts.join(', ')}` : ''}`,
    s.article ? el('span', { class: 'muted' }, ` · from ${s.article.finalUrl}`) : null,
    el('ul', {}, s.citations.map(citationItem)));
}

/** A citation by what is known of it: its tweet when resolved, else its short link or its signature. */
function citationItem(c) {
  const what = c.tweetId
    ? el('a', { href: `#/tweets/${c.tweetId}` }, c.screenName ? `@${c.screenName} · ${c.tweetId}` : `Tweet ${c.tweetId}`)
    : c.shortLink
      ? el('span', { class: 'short-link' }, c.shortLink)
      : c.embed
        ? el('span', { class: 'signature' }, `${c.embed.authorName ?? ''} (@${c.embed.screenName})${c.embed.date ? `, ${c.embed.date}` : ''}: “${(c.embed.text ?? '').slice(0, 80)}”`)
        : el('span', {}, c.url ?? 'a citation');
  return el('li', { 'data-outcome': c.outcome, 'data-tweet-id': c.tweetId ?? null }, what, ' ',
    el('span', { class: `outcome ${c.outcome}` }, outcomeWords[c.outcome] ?? c.outcome),
    c.outcome === 'pending' && c.error ? el('span', { class: 'small muted' }, ` · ${c.error}`) : null);
}
