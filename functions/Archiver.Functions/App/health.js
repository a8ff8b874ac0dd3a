// What the server says about itself (GET /api/health, anonymous): whether the API wants a key, and what it last saw of
// each upstream host. The page hides the key button when no key is wanted, and shows a banner while X cannot be
// reached from the server or is rate-limiting it.
import { currentKey } from './api.js';
import { el, formatTime } from './dom.js';

const xHosts = ['t.co', 'cdn.syndication.twimg.com', 'publish.twitter.com', 'publish.x.com'];
const refreshEvery = 15000;
let last = null;

/** Reads /api/health and updates the banner and the key button; answers the report, or null when it could not be read. */
export async function refreshHealth() {
  try {
    const response = await fetch('/api/health', { cache: 'no-store', credentials: 'omit', headers: { Accept: 'application/json' } });
    last = await response.json();
  } catch {
    return null;
  }
  showKeyButton(last);
  showBanner(last);
  return last;
}

export function startHealthWatch() {
  refreshHealth();
  setInterval(refreshHealth, refreshEvery);
}

function showKeyButton(report) {
  const button = document.getElementById('key-button');
  // A key kept from earlier can still be forgotten; otherwise the button shows only when the server wants a key.
  button.hidden = report?.keyRequired === false && !currentKey();
}

function showBanner(report) {
  const banner = document.getElementById('upstream-banner');
  const troubled = (report?.upstream ?? []).filter(h => xHosts.includes(h.host) && ['unreachable', 'rate_limited', 'circuit_open'].includes(h.state));
  if (troubled.length === 0) {
    banner.hidden = true;
    banner.replaceChildren();
    return;
  }
  const limited = troubled.find(h => h.state === 'rate_limited');
  const rested = troubled.find(h => h.state === 'circuit_open');
  const headline = limited
    ? `X is rate-limiting this server until ${formatTime(limited.rateLimitedUntil)}.`
    : rested
      ? `X cannot be reached from this server; it is asked again after ${formatTime(rested.circuitOpenUntil)}.`
      : 'X cannot be reached from this server.';
  banner.replaceChildren(
    el('p', { class: 'banner-title' }, headline),
    el('ul', { class: 'banner-reasons' }, troubled.map(h => el('li', { 'data-host': h.host }, h.lastError ?? `${h.name}: ${h.state.replaceAll('_', ' ')}`))),
    el('p', { class: 'small' }, 'Tweets cited meanwhile are kept as pending and tried again on the schedule; nothing is lost.'));
  banner.hidden = false;
}
