'use strict';
// Times twitter-text, the official extractor, on the extraction benchmark's corpus:
// extractUrls over every article, keeping the URLs that are twitter.com / x.com status links.
//
//   node bench.js <repoRoot> <corpusDir> [iterations=5]
//
// Loads twitter-text from <repoRoot>/node_modules, reads the corpus files (*.txt, *.html, *.md) as UTF-8,
// makes one untimed pass that collects the ids, more untimed passes until warm (the rule of WarmUpGate.cs: at least
// 3 s, then until the fastest pass has not gained 2% for 5 passes and 3 s; at most 60 s), then times `iterations`
// passes over the whole corpus.
// Prints one JSON line on stdout: { version, node, documents, bytes, warmUpSeconds, warmUpPasses, seconds: [...per pass],
// formatSeconds: { ".txt": [...per pass], ".html": [...], ".md": [...] }, statusLinks, ids: [...] }.
// Run by Extraction/TwitterTextRunner.cs; errors go to stderr with a non-zero exit code.

const fs = require('node:fs');
const path = require('node:path');

// A status link on twitter.com or x.com (www., mobile., m.), as Archiver's issue lists the path forms:
// /{user}/status/{id}, /{user}/statuses/{id}, /i/web/status/{id}, /i/status/{id}, #!/ links; the id is
// 1 to 19 digits ending at a non-digit. Mirrors (fxtwitter.com and the like) are not status links here.
const STATUS_LINK =
  /^(?:https?:\/\/)?(?:(?:www|mobile|m)\.)?(?:twitter|x)\.com\/(?:#!\/)?(?:i\/web\/status|i\/status|\w{1,15}\/status(?:es)?)\/(\d{1,19})(?!\d)/i;

// Extraction/WarmUpGate.cs, the same rule for V8.
const WARM_UP = { minimumSeconds: 3, maximumSeconds: 60, settledPasses: 5, gain: 0.02 };

function warmUpGate() {
  const start = process.hrtime.bigint();
  let best = Infinity;
  let sinceGain = 0;
  let passesSinceGain = 0;
  const gate = {
    passes: 0,
    elapsed: () => Number(process.hrtime.bigint() - start) / 1e9,
    record(seconds) {
      gate.passes++;
      if (seconds < best * (1 - WARM_UP.gain)) {
        passesSinceGain = 0;
        sinceGain = 0;
      } else {
        passesSinceGain++;
        sinceGain += seconds;
      }
      best = Math.min(best, seconds);
    },
    isWarm() {
      const elapsed = gate.elapsed();
      return elapsed >= WARM_UP.maximumSeconds
        || (elapsed >= WARM_UP.minimumSeconds && passesSinceGain >= WARM_UP.settledPasses
          && sinceGain >= WARM_UP.minimumSeconds);
    },
  };
  return gate;
}

function secondsSince(start) {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

// One pass over every article; returns how many status links twitter-text found, and adds the seconds each
// file extension took to formatSeconds when given.
function pass(twttr, articles, formatSeconds) {
  let count = 0;
  for (const { extension, text } of articles) {
    const start = process.hrtime.bigint();
    for (const url of twttr.extractUrls(text)) {
      if (STATUS_LINK.test(url)) {
        count++;
      }
    }
    if (formatSeconds) {
      formatSeconds[extension] += secondsSince(start);
    }
  }
  return count;
}

function main(argv) {
  const [repoRoot, corpusDir, iterationsArg = '5'] = argv;
  const iterations = Number.parseInt(iterationsArg, 10);
  if (!repoRoot || !corpusDir || !(iterations > 0)) {
    console.error('usage: node bench.js <repoRoot> <corpusDir> [iterations]');
    return 2;
  }

  let twttr;
  let version;
  try {
    twttr = require(require.resolve('twitter-text', { paths: [repoRoot] }));
    version = require(require.resolve('twitter-text/package.json', { paths: [repoRoot] })).version;
  } catch (e) {
    console.error(`twitter-text is not installed under ${path.join(repoRoot, 'node_modules')} (${e.code || e.message}).`);
    console.error(`Install it with \`npm ci\` in ${repoRoot}.`);
    return 3;
  }

  const files = fs.readdirSync(corpusDir)
    .filter((name) => /\.(txt|html|md)$/.test(name))
    .sort();
  let bytes = 0;
  const articles = files.map((name) => {
    const buffer = fs.readFileSync(path.join(corpusDir, name));
    bytes += buffer.length;
    return { extension: path.extname(name), text: buffer.toString('utf8') };
  });
  const extensions = [...new Set(articles.map((a) => a.extension))];

  // Untimed: the ids found, then the warm-up.
  const warmUp = warmUpGate();
  const collectStart = process.hrtime.bigint();
  const ids = new Set();
  for (const { text } of articles) {
    for (const url of twttr.extractUrls(text)) {
      const match = STATUS_LINK.exec(url);
      if (match) {
        ids.add(match[1]);
      }
    }
  }

  warmUp.record(secondsSince(collectStart));
  while (!warmUp.isWarm()) {
    const start = process.hrtime.bigint();
    pass(twttr, articles);
    warmUp.record(secondsSince(start));
  }
  const warmUpSeconds = warmUp.elapsed();

  const seconds = [];
  const formatSeconds = Object.fromEntries(extensions.map((e) => [e, []]));
  let found = 0;
  for (let i = 0; i < iterations; i++) {
    const perFormat = Object.fromEntries(extensions.map((e) => [e, 0]));
    const start = process.hrtime.bigint();
    found += pass(twttr, articles, perFormat);
    seconds.push(secondsSince(start));
    for (const e of extensions) {
      formatSeconds[e].push(perFormat[e]);
    }
  }

  process.stdout.write(JSON.stringify({
    version,
    node: process.version,
    documents: files.length,
    bytes,
    warmUpSeconds,
    warmUpPasses: warmUp.passes,
    seconds,
    formatSeconds,
    statusLinks: found / iterations,
    ids: [...ids],
  }) + '\n');
  return 0;
}

process.exitCode = main(process.argv.slice(2));
