// A tweet card drawn from the archive alone (GET /api/tweets/{id}): author, avatar, text with its links, time, counts as
// last seen, media with alt text, the quoted tweet or parent, and a status badge with the time of the last check.
import { withKey } from './api.js';
import { append, el, externalLink, formatNumber, statusBadge, timeEl } from './dom.js';

/** The card of one archived tweet; `pageLink` adds a link to the tweet's own page. */
export function tweetCard(view, { pageLink = true } = {}) {
  const snapshot = view.latest;
  const tweet = snapshot?.tweet;
  const files = snapshot?.files ?? [];
  const author = tweet?.author;
  const handle = author?.screenName ?? view.screenName;
  const headingId = `card-${view.tweetId}-${Math.random().toString(36).slice(2, 8)}`;

  const avatar = files.find(f => f.role === 'avatar');
  const header = el('header', { class: 'card-head' },
    avatar
      ? el('img', { class: 'avatar', src: mediaPath(view, avatar), alt: '', width: 48, height: 48 })
      : el('span', { class: 'avatar placeholder', 'aria-hidden': 'true' }),
    el('div', { class: 'who' },
      el('h3', { class: 'name', id: headingId }, author?.name ?? (handle ? `@${handle}` : `Tweet ${view.tweetId}`)),
      handle ? el('p', { class: 'handle' }, `@${handle}`) : null),
    el('div', { class: 'badges' },
      statusBadge(view.status, view.reason),
      view.partial ? statusBadge('partial') : null,
      view.versions.length > 1 ? statusBadge('edited') : null));

  const card = el('article', { class: 'card', 'data-tweet-id': view.tweetId, 'aria-labelledby': headingId }, header);

  if (!tweet) {
    card.append(el('p', { class: 'muted' },
      `No snapshot was saved: the tweet was ${view.status.replaceAll('_', ' ')} when it was checked.`));
  } else {
    if (tweet.parentTweetId) {
      card.append(el('p', { class: 'context' }, 'Replying to ',
        tweet.inReplyToScreenName ? `@${tweet.inReplyToScreenName} ` : '',
        el('a', { href: `#/tweets/${tweet.parentTweetId}` }, `(tweet ${tweet.parentTweetId})`)));
    }
    card.append(el('p', { class: 'tweet-text', lang: tweet.lang || null }, textWithLinks(tweet)));
    if (view.partial) {
      // What the latest capture lacks and why; each line is text, never markup.
      card.append(el('div', { class: 'partial muted small' },
        el('p', {}, 'This capture is incomplete; the archive keeps trying:'),
        el('ul', {}, ...(view.partial.missing ?? []).map(m =>
          el('li', {}, `${m.part === 'file' ? `${m.role}${m.index != null ? ` ${m.index + 1}` : ''}` : m.part} (${m.kind}): ${m.reason}`)))));
    }
    if (tweet.truncated) {
      card.append(el('p', { class: 'muted small' }, 'The source gave this text cut short.'));
    }
    append(card, [
      mediaList(view, files, tweet),
      tweet.card ? linkCard(view, tweet.card, files) : null,
      tweet.quotedTweetId ? quoted(tweet) : null,
    ]);
  }

  card.append(el('footer', { class: 'card-foot' },
    tweet?.createdAt ? el('p', {}, 'Posted ', timeEl(tweet.createdAt)) : null,
    tweet ? counts(tweet.counts, snapshot.capturedAt) : null,
    el('p', { class: 'checked' }, 'Status checked ', timeEl(view.lastCheckedAt ?? view.lastArchivedAt)),
    pageLink ? el('p', {}, el('a', { href: `#/tweets/${view.tweetId}`, class: 'more' }, 'Versions, history and downloads')) : null));
  return card;
}

/** The media URL of a stored file, with the key as `code` (img and video cannot send headers). */
export function mediaPath(view, file) {
  return withKey(`/api/tweets/${view.tweetId}/media/${encodeURIComponent(file.file)}`);
}

/** The text with every t.co link shown as where it leads (`tweet.links`, and the media links). */
function textWithLinks(tweet) {
  const links = new Map();
  for (const link of tweet.links ?? []) {
    if (link.url) {
      links.set(link.url, link.expandedUrl ?? link.url);
    }
  }
  for (const media of tweet.media ?? []) {
    if (media.shortUrl && !links.has(media.shortUrl)) {
      links.set(media.shortUrl, media.expandedUrl ?? media.shortUrl);
    }
  }
  const text = tweet.text ?? '';
  if (links.size === 0) {
    return [text];
  }
  const pattern = new RegExp([...links.keys()].sort((x, y) => y.length - x.length).map(escapeRegExp).join('|'), 'g');
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    parts.push(text.slice(last, match.index));
    const expanded = links.get(match[0]);
    parts.push(externalLink(expanded, expanded));
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function mediaList(view, files, tweet) {
  const media = files.filter(f => f.role === 'media').sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  const missing = (view.latest?.missing ?? []).filter(m => m.role === 'media');
  if (media.length === 0 && missing.length === 0) {
    return null;
  }
  const list = el('div', { class: `media count-${Math.min(media.length, 4)}` });
  for (const file of media) {
    const alt = file.altText ?? tweet.media?.[file.index ?? 0]?.altText ?? null;
    const caption = el('figcaption', { class: alt ? 'alt' : 'alt none' }, alt ? `Alt text: ${alt}` : 'No alt text given.');
    if (file.contentType?.startsWith('video/')) {
      const poster = files.find(f => f.role === 'poster' && f.index === file.index);
      list.append(el('figure', {},
        el('video', {
          class: 'media', controls: true, preload: 'metadata', src: mediaPath(view, file),
          poster: poster ? mediaPath(view, poster) : null, 'aria-label': alt ?? 'Video from the tweet',
          width: file.width ?? null, height: file.height ?? null,
        }),
        caption));
    } else {
      list.append(el('figure', {},
        el('img', {
          class: 'media', src: mediaPath(view, file), alt: alt ?? '',
          width: file.width ?? null, height: file.height ?? null,
        }),
        caption));
    }
  }
  for (const gone of missing) {
    list.append(el('p', { class: 'missing' }, `Media ${(gone.index ?? 0) + 1} was not saved: ${gone.reason}`));
  }
  return list;
}

function linkCard(view, card, files) {
  const image = files.find(f => f.role === 'card');
  return el('aside', { class: 'link-card' },
    image ? el('img', { src: mediaPath(view, image), alt: card.imageAlt ?? '' }) : null,
    el('div', {},
      card.domain ? el('p', { class: 'muted small' }, card.domain) : null,
      card.title ? el('p', { class: 'title' }, card.title) : null,
      card.description ? el('p', {}, card.description) : null,
      card.url ? el('p', {}, externalLink(card.url)) : null));
}

function quoted(tweet) {
  const inner = tweet.quotedTweet;
  return el('aside', { class: 'quoted' },
    el('p', { class: 'small' }, 'Quotes ',
      el('a', { href: `#/tweets/${tweet.quotedTweetId}` },
        inner?.author ? `${inner.author.name} (@${inner.author.screenName})` : `tweet ${tweet.quotedTweetId}`)),
    inner?.text ? el('blockquote', {}, inner.text) : null);
}

function counts(values, capturedAt) {
  const names = [['replies', 'replies'], ['retweets', 'reposts'], ['quotes', 'quotes'], ['likes', 'likes'], ['bookmarks', 'bookmarks'], ['views', 'views']];
  const shown = names.filter(([key]) => typeof values?.[key] === 'number');
  if (shown.length === 0) {
    return null;
  }
  return el('p', { class: 'counts' },
    shown.map(([key, label], i) => [i ? ' · ' : '', el('span', { class: 'count' }, `${formatNumber(values[key])} ${label}`)]),
    el('span', { class: 'muted' }, ' (as seen ', timeEl(capturedAt), ')'));
}
