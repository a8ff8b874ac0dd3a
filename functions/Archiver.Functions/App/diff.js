// Runs of a text diff as the page shows them: {op: 'same' | 'del' | 'ins', text}. The diff itself is the API's.

/** Whether the diff found any change. */
export function changed(runs) {
  return runs.some(r => r.op !== 'same');
}
