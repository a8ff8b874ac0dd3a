// Archive an article: paste it or drop a file, POST /api/archive, show each citation with its outcome and the card of
// each archived tweet; while the submission is pending (202), poll GET /api/submissions/{id} every 2 s.
import { apiJson, rememberSubmission } from './api.js';
import { tweetCard } from './card.js';
import { describeError, el, errorBox, externalLink } from './dom.js';

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
    el('p', { id: 'article-hint', class: 'hint' }, 'Paste its text, HTML or Markdown. Every tweet it cites is found, fetched and saved with its media.'),
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
    status.textContent = 'Sending the article; finding and archiving its tweets…';
    results.replaceChildren();
    try {
      const { body: submission } = await apiJson('/api/archive', { method: 'POST', body, headers: { 'Content-Type': `${type}; charset=utf-8` } });
      if (submission.id) rememberSubmission(submission); // an article citing nothing is not stored
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

/** Renders a submission and keeps it up to date while pending: rows change in place, cards load once per tweet. */
function showSubmission(container, submission, ctx) {
  const summary = el('p', { class: 'summary', role: 'status', 'aria-live': 'polite' });
  const list = el('ol', { class: 'citations' });
  container.replaceChildren(el('h2', {}, 'Citations'), summary, list);
  const rows = submission.citations.map(() => ({ outcome: null, node: null, cardFor: null }));

  const render = current => {
    summary.replaceChildren(summarize(current));
    current.citations.forEach((citation, i) => {
      const row = rows[i];
      const key = `${citation.outcome}|${citation.tweetId}|${citation.reason}|${citation.error}`;
      if (row.outcome === key) {
        return;
      }
      row.outcome = key;
      const fresh = citationRow(citation, i);
      if (row.node) {
        row.node.replaceWith(fresh);
      } else {
        list.append(fresh);
      }
      row.node = fresh;
      if (citation.tweetId && (citation.outcome === 'archived' || citation.outcome === 'unavailable')) {
        loadCard(fresh.querySelector('.card-slot'), citation.tweetId, ctx);
      }
    });
  };

  render(submission);
  if (submission.status === 'pending') {
    poll(submission.id, render, summary, ctx);
  }
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

function summarize(submission) {
  const counts = {};
  for (const c of submission.citations) {
    counts[c.outcome] = (counts[c.outcome] ?? 0) + 1;
  }
  const parts = Object.entries(counts).map(([outcome, n]) => `${n} ${outcomeLabel(outcome)}`);
  const total = submission.citations.length;
  if (total === 0) {
    return 'No tweet citations were found in this article.';
  }
  return `${total} citation${total === 1 ? '' : 's'}: ${parts.join(', ')}. `
    + (submission.status === 'pending' ? 'Still working; this page checks again every 2 seconds.' : 'Done.');
}

function outcomeLabel(outcome) {
  return {
    archived: 'archived', unavailable: 'unavailable', unresolved: 'unresolved', not_a_tweet: 'not a tweet',
    pending: 'working…', failed: 'failed',
  }[outcome] ?? outcome;
}

function citationRow(citation, index) {
  const embed = citation.embed;
  const title = embed
    ? `${embed.authorName} (@${embed.screenName})${embed.date ? `, ${embed.date}` : ''}`
    : citation.screenName ? `@${citation.screenName}` : citation.url ?? citation.shortLink ?? `Citation ${index + 1}`;
  const detail = [];
  if (citation.outcome === 'unavailable' && citation.reason) {
    detail.push(`The tweet is unavailable: ${citation.reason.replaceAll('_', ' ')}.`);
  }
  if (citation.outcome === 'not_a_tweet' && citation.target) {
    detail.push('The link leads elsewhere: ', externalLink(citation.target));
  }
  if (citation.error && citation.outcome !== 'archived') {
    detail.push(citation.outcome === 'pending' ? `Will try again: ${citation.error}` : citation.error);
  }
  const outcomeClass = citation.outcome === 'pending' ? 'outcome pending' : `outcome ${citation.outcome}`;
  return el('li', { class: 'citation', 'data-outcome': citation.outcome, 'data-tweet-id': citation.tweetId ?? null },
    el('div', { class: 'citation-head' },
      el('p', { class: 'citation-title' }, title),
      el('span', { class: outcomeClass, 'data-outcome': citation.outcome }, outcomeLabel(citation.outcome))),
    el('p', { class: 'citation-links small' },
      citation.shortLink ? el('span', {}, citation.shortLink) : null,
      citation.shortLink && citation.url ? ' → ' : null,
      citation.url ? el('span', {}, citation.url) : null),
    embed?.text ? el('blockquote', { class: 'quote' }, embed.text) : null,
    detail.length ? el('p', { class: 'detail' }, detail) : null,
    el('div', { class: 'card-slot' }));
}

async function loadCard(slot, tweetId, ctx) {
  slot.replaceChildren(el('p', { class: 'muted' }, 'Loading the archived tweet…'));
  try {
    const { body } = await apiJson(`/api/tweets/${tweetId}`);
    if (ctx.alive()) {
      slot.replaceChildren(tweetCard(body));
    }
  } catch (error) {
    slot.replaceChildren(errorBox(error, 'The archived tweet could not be read:'));
  }
}
