// Archive an article: paste it, its address, or drop a file; POST /api/archive (answered at once, Prefer:
// respond-async), then follow the work over GET /api/submissions/{id}/events: each citation's steps as they happen, its
// outcome, and for pending work the reason and the next attempt. Without the event stream, poll every 2 s.
import { apiJson, withKey } from './api.js';
import { tweetCard } from './card.js';
import { describeError, el, errorBox, externalLink, formatBytes, formatTime } from './dom.js';
import { refreshHealth } from './health.js';

const pollInterval = 2000;

const typesByExtension = {
  txt: 'text/plain', text: 'text/plain',
  html: 'text/html', htm: 'text/html',
  md: 'text/markdown', markdown: 'text/markdown',
};

export function archiveView(root, ctx) {
  let file = null;

  const textarea = el('textarea', { id: 'article', name: 'article', rows: 10, spellcheck: 'false', 'aria-describedby': 'article-hint' });
  const format = el('select', { id: 'format', name: 'format' },
    el('option', { value: 'auto' }, 'Detect'),
    el('option', { value: 'text/plain' }, 'Plain text'),
    el('option', { value: 'text/html' }, 'HTML'),
    el('option', { value: 'text/markdown' }, 'Markdown'));
  const fileInput = el('input', { type: 'file', id: 'file', accept: '.txt,.html,.htm,.md,.markdown,text/plain,text/html,text/markdown' });
  const fileLine = el('p', { class: 'file-line', hidden: true });
  const submit = el('button', { type: 'submit', class: 'primary' }, 'Archive its tweets');
  const status = el('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const results = el('section', { class: 'results', 'aria-label': 'Citations found' });

  const chooseFile = chosen => {
    const extension = chosen.name.split('.').pop().toLowerCase();
    if (!typesByExtension[extension]) {
      status.textContent = `${chosen.name}: only .txt, .html and .md files can be read.`;
      return;
    }
    file = chosen;
    fileLine.replaceChildren(`File: ${chosen.name} (${typesByExtension[extension]}) `,
      el('button', { type: 'button', class: 'quiet', onclick: () => { file = null; fileInput.value = ''; fileLine.hidden = true; } }, 'Remove file'));
    fileLine.hidden = false;
    status.textContent = '';
  };
  fileInput.addEventListener('change', () => fileInput.files[0] && chooseFile(fileInput.files[0]));

  const drop = el('div', { class: 'drop' },
    el('label', { for: 'file' }, 'Or choose a file (.txt, .html, .md), or drop it here: '),
    fileInput, fileLine);
  drop.addEventListener('dragover', e => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', e => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer?.files?.[0]) {
      chooseFile(e.dataTransfer.files[0]);
    }
  });

  const form = el('form', { class: 'archive-form' },
    el('label', { for: 'article' }, 'Article'),
    el('p', { id: 'article-hint', class: 'hint' }, 'Paste its text, HTML or Markdown, or its address (https://…). Every tweet it cites is found, fetched and saved with its media.'),
    textarea,
    el('div', { class: 'row' }, el('label', { for: 'format' }, 'Format '), format),
    drop,
    el('div', { class: 'row' }, submit),
    status);

  form.addEventListener('submit', async e => {
    e.preventDefault();
    let body;
    let type;
    if (file) {
      body = file;
      type = typesByExtension[file.name.split('.').pop().toLowerCase()];
    } else if (isArticleAddress(textarea.value)) {
      body = JSON.stringify({ url: textarea.value.trim() });
      type = 'application/json';
    } else {
      body = textarea.value;
      type = format.value === 'auto' ? detect(body) : format.value;
    }
    if (!file && !body.trim()) {
      status.textContent = 'Paste an article or choose a file first.';
      textarea.focus();
      return;
    }
    submit.disabled = true;
    status.textContent = type === 'application/json'
      ? `Fetching the article from ${textarea.value.trim()}…`
      : 'Sending the article; finding and archiving its tweets…';
    results.replaceChildren();
    try {
      const { body: submission } = await apiJson('/api/archive', { method: 'POST', body, headers: { 'Content-Type': `${type}; charset=utf-8`, Prefer: 'respond-async' } });
      status.textContent = '';
      showSubmission(results, submission, ctx);
    } catch (error) {
      status.textContent = '';
      results.append(errorBox(error, 'The article could not be archived:'));
    } finally {
      submit.disabled = false;
    }
  });

  root.append(el('h1', { tabindex: -1 }, 'Archive an article'), form, results);
}

/** GET /api/submissions/{id}: a submission made earlier. */
export async function submissionView(root, ctx, id) {
  const results = el('section', { class: 'results' });
  root.append(el('h1', { tabindex: -1 }, 'Submission'), el('p', { class: 'muted' }, id), results);
  try {
    const { body } = await apiJson(`/api/submissions/${encodeURIComponent(id)}`);
    if (ctx.alive()) {
      showSubmission(results, body, ctx);
    }
  } catch (error) {
    results.append(errorBox(error, 'This submission could not be read:'));
  }
}

function detect(text) {
  const start = text.trimStart();
  return /^<(!doctype|html|head|body|article|div|p|blockquote|section)\b/i.test(start) ? 'text/html' : 'text/plain';
}

/** An address alone in the box (not a tweet's or a short link's): the article is fetched by the server. */
function isArticleAddress(text) {
  const value = text.trim();
  if (!/^https?:\/\/\S+$/i.test(value)) {
    return false;
  }
  try {
    const host = new URL(value).hostname.toLowerCase();
    return !/(^|\.)(x\.com|twitter\.com|t\.co)$/.test(host);
  } catch {
    return false;
  }
}

/** Renders a submission and keeps it up to date while pending: rows change in place, cards load once per tweet. */
function showSubmission(container, submission, ctx) {
  const summary = el('p', { class: 'summary', role: 'status', 'aria-live': 'polite' });
  const list = el('ol', { class: 'citations' });
  container.replaceChildren(el('h2', {}, 'Citations'), submission.article ? articleLine(submission.article) : '', summary, list);
  const rows = submission.citations.map(() => ({ outcome: null, node: null, steps: [] }));
  let latest = submission;

  const render = current => {
    latest = current;
    summary.replaceChildren(summarize(current));
    current.citations.forEach((citation, i) => {
      const row = rows[i];
      const key = `${citation.outcome}|${citation.tweetId}|${citation.reason}|${citation.error}|${citation.nextAttemptAt}`;
      if (row.outcome === key) {
        return;
      }
      row.outcome = key;
      const fresh = citationRow(citation, i, row.steps);
      if (row.node) {
        row.node.replaceWith(fresh);
      } else {
        list.append(fresh);
      }
      row.node = fresh;
      if (citation.tweetId && ['archived', 'partial', 'unavailable'].includes(citation.outcome)) {
        loadCard(fresh.querySelector('.card-slot'), citation.tweetId, ctx);
      }
    });
  };
  const step = s => {
    const row = rows[s.citation];
    if (!row) {
      return;
    }
    row.steps.push(describeStep(s));
    row.node?.querySelector('ol.steps')?.append(el('li', { 'data-step': s.step }, row.steps.at(-1)));
  };

  render(submission);
  if (submission.status === 'pending') {
    follow(submission, { render, step, summary, ctx, latest: () => latest });
  }
}

/** Follows a pending submission over its event stream; falls back to polling when the stream cannot be had. */
function follow(submission, view) {
  if (typeof EventSource !== 'function') {
    poll(submission.id, view.render, view.summary, view.ctx);
    return;
  }
  const source = new EventSource(withKey(`/api/submissions/${encodeURIComponent(submission.id)}/events`));
  const alive = () => {
    if (view.ctx.alive()) {
      return true;
    }
    source.close();
    return false;
  };
  source.addEventListener('submission', e => {
    if (!alive()) return;
    view.render(JSON.parse(e.data));
    refreshHealth();
  });
  source.addEventListener('step', e => {
    if (!alive()) return;
    // A reconnected stream sends the steps so far again: only the new ones are shown.
    const s = JSON.parse(e.data);
    const id = `${s.citation}|${s.at}|${s.step}|${s.source}|${s.attempt}|${s.media}`;
    view.seenSteps ??= new Set();
    if (view.seenSteps.has(id)) return;
    view.seenSteps.add(id);
    view.step(s);
  });
  source.addEventListener('complete', e => {
    source.close();
    if (!alive()) return;
    view.render(JSON.parse(e.data));
    refreshHealth();
  });
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED && alive() && view.latest().status === 'pending') {
      // The stream was refused (no key, an old server): poll instead.
      poll(submission.id, view.render, view.summary, view.ctx);
    }
  });
}

function poll(id, render, summary, ctx) {
  setTimeout(async () => {
    if (!ctx.alive()) {
      return;
    }
    try {
      const { body } = await apiJson(`/api/submissions/${encodeURIComponent(id)}`);
      if (!ctx.alive()) {
        return;
      }
      render(body);
      if (body.status === 'pending') {
        poll(id, render, summary, ctx);
      }
    } catch (error) {
      if (ctx.alive()) {
        summary.textContent = `Checking on the submission failed (${describeError(error)}); trying again.`;
        poll(id, render, summary, ctx);
      }
    }
  }, pollInterval);
}

/** A step of a citation's work in words. */
export function describeStep(s) {
  switch (s.step) {
    case 'resolving': return `Resolving the short link ${s.subject}`;
    case 'fetching': return `Fetching from ${s.source} (${s.host}), attempt ${s.attempt}`;
    case 'media': return `Saved media ${s.media} of ${s.mediaCount} (${formatBytes(s.bytes)})`;
    case 'storing': return 'Storing the snapshot';
    case 'done': return s.outcome === 'pending' ? 'Stopped for now: tried again later' : `Done: ${outcomeLabel(s.outcome)}`;
    default: return s.step;
  }
}

function articleLine(article) {
  return el('p', { class: 'article-line small' }, 'Article fetched from ', externalLink(article.finalUrl),
    ` (HTTP ${article.status}, ${formatBytes(article.bytes)}, ${formatTime(article.fetchedAt)}); SHA-256 `,
    el('code', { class: 'hash' }, article.sha256), article.raw ? ', kept in the archive.' : '.');
}

function summarize(submission) {
  const counts = {};
  for (const c of submission.citations) {
    counts[c.outcome] = (counts[c.outcome] ?? 0) + 1;
  }
  const parts = Object.entries(counts).map(([outcome, n]) => `${n} ${outcome === 'pending' ? 'still working' : outcomeLabel(outcome)}`);
  const total = submission.citations.length;
  if (total === 0) {
    return 'No tweet citations were found in this article.';
  }
  const next = submission.nextAttemptAt ? ` Work left over is tried again at ${formatTime(submission.nextAttemptAt)}.` : '';
  return `${total} citation${total === 1 ? '' : 's'}: ${parts.join(', ')}. `
    + (submission.status === 'pending' ? `Still working; this page follows the work as it happens and checks again every 2 seconds.${next}` : 'Done.');
}

function outcomeLabel(outcome) {
  return {
    archived: 'archived', partial: 'partial', unavailable: 'unavailable', unresolved: 'unresolved', not_a_tweet: 'not a tweet',
    pending: 'working…', failed: 'failed',
  }[outcome] ?? outcome;
}

function citationRow(citation, index, steps = []) {
  const embed = citation.embed;
  const title = embed
    ? `${embed.authorName} (@${embed.screenName})${embed.date ? `, ${embed.date}` : ''}`
    : citation.screenName ? `@${citation.screenName}` : citation.url ?? citation.shortLink ?? `Citation ${index + 1}`;
  const detail = [];
  if (citation.outcome === 'partial') {
    detail.push('Saved, but incomplete; it is tried again shortly. Missing: ' + (citation.missing ?? []).join('; '));
  }
  if (citation.outcome === 'unavailable' && citation.reason) {
    detail.push(`The tweet is unavailable: ${citation.reason.replaceAll('_', ' ')}.`);
  }
  if (citation.outcome === 'not_a_tweet' && citation.target) {
    detail.push('The link leads elsewhere: ', externalLink(citation.target));
  }
  if (citation.error && citation.outcome !== 'archived') {
    detail.push(citation.outcome === 'pending'
      ? `Will try again${citation.nextAttemptAt ? ` at ${formatTime(citation.nextAttemptAt)}` : ''}: ${citation.error}`
      : citation.error);
  }
  const outcomeClass = citation.outcome === 'pending' ? 'outcome pending' : `outcome ${citation.outcome}`;
  return el('li', { class: 'citation', 'data-outcome': citation.outcome, 'data-tweet-id': citation.tweetId ?? null },
    el('div', { class: 'citation-head' },
      el('p', { class: 'citation-title' }, title),
      el('span', { class: outcomeClass, 'data-outcome': citation.outcome }, outcomeLabel(citation.outcome))),
    citation.resolution
      ? resolutionLinks(citation.resolution)
      : el('p', { class: 'citation-links small' },
        citation.shortLink ? el('span', {}, citation.shortLink) : null,
        citation.shortLink && citation.url ? ' → ' : null,
        citation.url ? el('span', {}, citation.url) : null),
    embed?.text ? el('blockquote', { class: 'quote' }, embed.text) : null,
    detail.length ? el('p', { class: 'detail' }, detail) : null,
    el('ol', { class: 'steps', 'aria-label': 'Steps so far' }, steps.map(text => el('li', {}, text))),
    el('div', { class: 'card-slot' }));
}

/** How a short link was resolved: where it led, and each hop (status, URL, Location) when opened. */
function resolutionLinks(resolution) {
  const hops = resolution.hops ?? [];
  return el('details', { class: 'citation-links small resolution' },
    el('summary', {},
      resolution.finalUrl
        ? `via ${resolution.shortLink} → ${resolution.finalUrl} (${hops.length} hop${hops.length === 1 ? '' : 's'})`
        : `via ${resolution.shortLink}: not resolved (${resolution.status.replaceAll('_', ' ')}, ${hops.length} request${hops.length === 1 ? '' : 's'})`),
    el('ol', { class: 'hops' }, hops.map(hop => el('li', {},
      `${hop.status ?? 'no answer'} ${hop.url}${hop.location ? ` → ${hop.location}` : ''}`))));
}

async function loadCard(slot, tweetId, ctx) {
  slot.replaceChildren(el('p', { class: 'muted' }, 'Loading the archived tweet…'));
  try {
    const { body } = await apiJson(`/api/tweets/${tweetId}`);
    if (ctx.alive()) {
      // A tweet never captured has no card: there is nothing of it to show.
      slot.replaceChildren(body.latest ? tweetCard(body) : el('p', { class: 'muted small' }, 'Never captured: no snapshot of this tweet was saved.'));
    }
  } catch (error) {
    slot.replaceChildren(errorBox(error, 'The archived tweet could not be read:'));
  }
}
