// A word diff between two texts: the longest common subsequence of words and spaces, after trimming the common start
// and end. Returns runs of {op: 'same' | 'del' | 'ins', text}.

const maxCells = 4_000_000;

export function wordDiff(before, after) {
  const a = tokens(before ?? '');
  const b = tokens(after ?? '');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) {
    start++;
  }
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }

  const runs = [];
  push(runs, 'same', a.slice(0, start));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > maxCells) {
    push(runs, 'del', midA);
    push(runs, 'ins', midB);
  } else {
    for (const [op, token] of lcs(midA, midB)) {
      push(runs, op, [token]);
    }
  }
  push(runs, 'same', a.slice(endA));
  return runs;
}

/** Whether the diff found any change. */
export function changed(runs) {
  return runs.some(r => r.op !== 'same');
}

function tokens(text) {
  return text.match(/\s+|[^\s]+/gu) ?? [];
}

function lcs(a, b) {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] = a[i] === b[j]
        ? table[(i + 1) * width + j + 1] + 1
        : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
    }
  }
  const ops = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push(['same', a[i]]);
      i++;
      j++;
    } else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) {
      ops.push(['del', a[i++]]);
    } else {
      ops.push(['ins', b[j++]]);
    }
  }
  while (i < n) {
    ops.push(['del', a[i++]]);
  }
  while (j < m) {
    ops.push(['ins', b[j++]]);
  }
  return ops;
}

function push(runs, op, parts) {
  if (parts.length === 0) {
    return;
  }
  const text = parts.join('');
  const last = runs[runs.length - 1];
  if (last && last.op === op) {
    last.text += text;
  } else {
    runs.push({ op, text });
  }
}
