// A tweet's page: its card, status with the "check now" button, downloads, the versions timeline with word
// differences between consecutive versions, the status history with its evidence, and the edit chain.
import { api, apiJson, withKey } from './api.js';
import { mediaPath, tweetCard } from './card.js';
import { changed } from './diff.js';
import { append, describeError, el, errorBox, formatBytes, formatTime, statusBadge, statusLabel, timeEl } from './dom.js';
import { refreshHealth } from './health.js';

const maxDiffedVersions = 25;

export async function tweetView(root, ctx, id) {
  const heading = el('h1', { tabindex: -1 }, `Tweet ${id}`);
  const body = el('div', { class: 'tweet-page' }, el('p', { class: 'muted' }, 'Loading…'));
  root.append(el('p', { class: 'crumbs' }, el('a', { href: '#/tweets' }, '← The archive')), heading, body);

  const show = async (checked = null) => {
    let view;
    try {
      view = checked ?? (await apiJson(`/api/tweets/${id}`)).body;
    } catch (error) {
      if (ctx.alive()) {
        body.replaceChildren(error.status === 404
          ? el('p', { class: 'notice' }, `Tweet ${id} is not in the archive.`)
          : errorBox(error, 'The tweet could not be read:'));
      }
      return;
    }
    if (!ctx.alive()) {
      return;
    }
    const author = view.latest?.tweet?.author;
    heading.textContent = author ? `${author.name} (@${author.screenName}) · ${id}` : `Tweet ${id}`;
    body.replaceChildren();
    append(body, [
      el('div', { class: 'columns' },
        // A tweet never captured has no card (nor versions to compare): nothing of it was saved.
        el('div', {}, view.latest ? tweetCard(view, { pageLink: false }) : neverCaptured(view)),
        el('div', {}, statusSection(view, show), downloads(view))),
      view.versions.length ? versions(view, ctx) : null,
      history(view),
      editChain(view),
    ]);
  };
  await show();
}

function statusSection(view, reload) {
  const message = el('p', { class: 'recheck-status', role: 'status', 'aria-live': 'polite' });
  const button = el('button', { type: 'button', class: 'primary', id: 'check-now' }, 'Check now');
  button.addEventListener('click', async () => {
    button.disabled = true;
    message.textContent = 'Checking the tweet upstream…';
    try {
      const response = await api(`/api/tweets/${view.tweetId}/recheck`, { method: 'POST' });
      if (response.ok) {
        await reload(await response.json());
        refreshHealth();
        document.getElementById('check-now')?.focus();
        return;
      }
      const error = { status: response.status, body: await response.json().catch(() => null) };
      const missingRoute = response.status === 405
        || (response.status === 404 && (error.body?.error?.message ?? '').startsWith('No endpoint'));
      message.textContent = missingRoute
        ? `Checking now is not available on this server (HTTP ${response.status}); the timer checks tweets on its schedule.`
        : `The check failed: ${describeError(error)}`;
    } catch (error) {
      message.textContent = `The check failed: ${describeError(error)}`;
    }
    button.disabled = false;
  });

  const section = el('section', { class: 'panel', 'aria-labelledby': 'status-title' },
    el('h2', { id: 'status-title' }, 'Status'),
    el('p', {}, statusBadge(view.status, view.reason), view.versions.length > 1 ? [' ', statusBadge('edited')] : null),
    el('dl', { class: 'facts' },
      el('dt', {}, 'First seen'), el('dd', {}, timeEl(view.firstSeenAt)),
      el('dt', {}, 'Last saved'), el('dd', {}, timeEl(view.lastArchivedAt)),
      el('dt', {}, 'Last checked'), el('dd', {}, timeEl(view.lastCheckedAt)),
      el('dt', {}, 'Next check'), el('dd', {}, timeEl(view.nextCheckAt)),
      view.lastError ? [el('dt', {}, 'Last error'), el('dd', { class: 'last-error' }, view.lastError)] : null),
    button, message);
  if (view.check) {
    message.textContent = checkOutcome(view.check);
  }
  return section;
}

/** What "Check now" found, in words. */
function checkOutcome(check) {
  switch (check.outcome) {
    case 'archived': return 'Checked just now: the tweet is there, and the archive is up to date.';
    case 'unavailable': return `Checked just now: a source says the tweet is unavailable (${statusLabel(check.reason)}).`;
    default: return `Checked just now: no usable answer. ${check.error ?? ''}${check.nextCheckAt ? ` Next check at ${formatTime(check.nextCheckAt)}.` : ''}`;
  }
}

function neverCaptured(view) {
  return el('section', { class: 'panel never-captured' },
    el('h2', {}, 'Never captured'),
    el('p', {}, view.status === 'pending'
      ? 'No source has answered for this tweet yet, so nothing of it was saved.'
      : `No snapshot was saved: the tweet was ${statusLabel(view.status)} when it was checked.`),
    view.lastError ? el('p', { class: 'small' }, `Last error: ${view.lastError}`) : null);
}

function downloads(view) {
  const items = [];
  if (view.links.snapshot) {
    items.push(el('li', {}, el('a', { href: withKey(view.links.snapshot), download: `tweet-${view.tweetId}-${view.latest.version}.json`, class: 'download' }, 'Latest snapshot (JSON)')));
  }
  for (const file of view.latest?.files ?? []) {
    items.push(el('li', {},
      el('a', { href: mediaPath(view, file), download: file.file, class: 'download' }, fileLabel(file)),
      el('span', { class: 'small muted' }, ` ${file.contentType}, ${formatBytes(file.size)}`),
      el('br'),
      el('span', { class: 'small muted' }, 'SHA-256 '), el('code', { class: 'hash' }, file.sha256)));
  }
  if (view.links.bundle) {
    items.push(el('li', {}, el('a', { href: withKey(view.links.bundle), download: `tweet-${view.tweetId}.zip`, class: 'download bundle' }, 'Everything as a ZIP bundle'),
      el('span', { class: 'small muted' }, ' (snapshots, media, raw upstream answers, SHA-256 manifest, offline page)')));
  }
  return el('section', { class: 'panel', 'aria-labelledby': 'downloads-title' },
    el('h2', { id: 'downloads-title' }, 'Downloads'),
    items.length ? el('ul', { class: 'downloads' }, items) : el('p', { class: 'muted' }, 'Nothing was saved for this tweet.'));
}

function fileLabel(file) {
  const names = { media: 'Media', poster: 'Video poster', avatar: 'Avatar', card: 'Link card image' };
  const name = names[file.role] ?? file.role;
  return typeof file.index === 'number' && file.role !== 'avatar' ? `${name} ${file.index + 1}` : name;
}

function versions(view, ctx) {
  const list = el('ol', { class: 'timeline' });
  const section = el('section', { 'aria-labelledby': 'versions-title' },
    el('h2', { id: 'versions-title' }, `Versions (${view.versions.length})`), list);
  if (view.versions.length === 0) {
    list.replaceWith(el('p', { class: 'muted' }, 'No version was saved.'));
    return section;
  }
  const recent = view.versions.slice(-maxDiffedVersions);
  const items = recent.map(v => {
    const changes = el('div', { class: 'changes' });
    const item = el('li', { 'data-version': v.version },
      el('p', {}, timeEl(v.capturedAt), ' ', el('span', { class: 'muted small' }, `version ${v.version}`)),
      el('p', { class: 'small' }, 'Content hash ', el('code', { class: 'hash' }, v.contentHash)),
      el('a', { href: withKey(`/api/tweets/${view.tweetId}/snapshots/${encodeURIComponent(v.version)}`), download: `tweet-${view.tweetId}-${v.version}.json`, class: 'small' }, 'Snapshot JSON'),
      changes);
    list.append(item);
    return changes;
  });
  if (view.versions.length > recent.length) {
    section.append(el('p', { class: 'muted small' }, `Only the latest ${recent.length} versions are compared here; the bundle holds them all.`));
  }
  if (recent.length === 1) {
    if (view.versions.length === 1) {
      items[0].append(el('p', { class: 'muted small' }, 'The only version: the content has not changed since it was first saved.'));
    }
    return section;
  }
  compare(view, recent, items, ctx);
  return section;
}

// Differences come from the API's diff of two versions, so the page never fetches snapshots itself (under the
// Functions host they are served from storage, another origin).
async function compare(view, recent, items, ctx) {
  items[0].append(el('p', { class: 'muted small' }, 'First version shown.'));
  for (let i = 1; i < recent.length; i++) {
    let diff;
    try {
      const query = `from=${encodeURIComponent(recent[i - 1].version)}&to=${encodeURIComponent(recent[i].version)}`;
      diff = (await apiJson(`/api/tweets/${view.tweetId}/diff?${query}`)).body;
    } catch (error) {
      items[i].append(errorBox(error, 'This version could not be compared:'));
      continue;
    }
    if (!ctx.alive()) {
      return;
    }
    const runs = (diff.text?.runs ?? []).map(r => ({ op: opNames[r.op] ?? 'same', text: r.text }));
    const media = diff.media ?? { added: [], removed: [] };
    append(items[i], [
      changed(runs)
        ? el('p', { class: 'diff', 'aria-label': 'Text changes from the previous version' },
          runs.map(r => r.op === 'same' ? r.text : el(r.op, {}, r.text)))
        : el('p', { class: 'muted small' }, 'Text unchanged.'),
      media.added.length + media.removed.length > 0
        ? el('p', { class: 'small' }, `Media changed: ${media.removed.length} file(s) removed, ${media.added.length} added.`)
        : null,
      diff.author ? el('p', { class: 'small' }, `Author shown as ${diff.author.nameTo ?? '?'} (@${diff.author.handleTo ?? '?'}), before ${diff.author.nameFrom ?? '?'} (@${diff.author.handleFrom ?? '?'}).`) : null,
    ]);
  }
}

const opNames = { equal: 'same', deleted: 'del', inserted: 'ins' };

function history(view) {
  const rows = [...view.history].reverse().map(h => el('tr', {},
    el('td', {}, timeEl(h.at)),
    el('td', {}, statusBadge(h.status, h.reason)),
    el('td', {}, h.reason ? statusLabel(h.reason) : ''),
    el('td', {}, h.source ?? ''),
    el('td', {}, h.httpStatus ?? ''),
    el('td', { class: 'wording' }, h.wording ?? ''),
    el('td', {}, h.evidenceSha256 ? el('code', { class: 'hash' }, h.evidenceSha256) : '')));
  return el('section', { 'aria-labelledby': 'history-title' },
    el('h2', { id: 'history-title' }, 'Status history'),
    rows.length === 0
      ? el('p', { class: 'muted' }, 'No change of status was recorded.')
      : el('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': 'Status history table' },
        el('table', { class: 'history' },
          el('thead', {}, el('tr', {}, ['When', 'Status', 'Reason', 'Source', 'HTTP', 'Wording', 'Evidence SHA-256'].map(h => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, rows))),
    view.history.some(h => h.evidenceSha256)
      ? el('p', { class: 'hint' }, 'Evidence: the raw upstream answer with that hash is kept in the archive and in the bundle.')
      : null);
}

function editChain(view) {
  const tweet = view.latest?.tweet;
  const ids = tweet?.edits?.editTweetIds ?? [];
  const related = view.related ?? [];
  if (ids.length < 2 && related.length === 0) {
    return null;
  }
  return el('section', { 'aria-labelledby': 'related-title' },
    el('h2', { id: 'related-title' }, 'Edit chain and related tweets'),
    ids.length > 1
      ? el('div', {}, el('p', {}, 'Each edit on X is a new status id; oldest first:'),
        el('ol', { class: 'edit-chain' }, ids.map(e => el('li', {},
          e === view.tweetId ? el('strong', {}, `${e} (this tweet)`) : el('a', { href: `#/tweets/${e}` }, e)))))
      : null,
    related.length
      ? el('div', {}, el('p', {}, 'Quoted or replied to, archived on their own:'),
        el('ul', {}, related.map(r => el('li', {}, el('a', { href: `#/tweets/${r}` }, r)))))
      : null);
}
