/** Names longer than this are no one's typo of a short name; comparing them would cost time for nothing. */
const LONGEST_COMPARED = 100;

/**
 * The candidates closest to `word` by edit distance, ignoring case, when close enough to be a typo: every one
 * at the best distance, so that a tie is shown as a tie.
 */
export function closestMatches(word: string, candidates: Iterable<string>, maxDistance?: number): string[] {
  if (word.length > LONGEST_COMPARED) return [];
  const tolerance = maxDistance ?? Math.max(2, Math.floor(word.length / 3));
  const target = word.toLowerCase();
  let best: string[] = [];
  let bestDistance = tolerance;
  for (const candidate of candidates) {
    // The length difference is a lower bound on the distance: skip what cannot be close enough.
    if (Math.abs(candidate.length - target.length) > bestDistance) continue;
    const distance = editDistance(target, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = [candidate];
      bestDistance = distance;
    } else if (distance === bestDistance && !best.includes(candidate)) {
      best.push(candidate);
    }
  }
  return best;
}

/** ` Did you mean 'Key'?`, ` Did you mean 'Get' or 'Put'?`, or '' when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const matches = closestMatches(word, candidates);
  if (matches.length === 0) return '';
  return ` Did you mean ${orList(matches.map((match) => `'${match}'`))}?`;
}

export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length]!;
}
