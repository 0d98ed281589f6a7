/** Optimal-string-alignment (restricted Damerau–Levenshtein) distance, stopping early past `max`. */
export const editDistance = (a: string, b: string, max: number): number => {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const x = [...a];
  const y = [...b];
  let prevPrev: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
        value = Math.min(value, prevPrev[j - 2]! + 1);
      }
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[y.length]!;
};

/** Typos allowed for a word: none under 5 letters, one up to 7, two from 8. */
export const allowedTypos = (word: string): number => {
  const length = [...word].length;
  return length < 5 ? 0 : length < 8 ? 1 : 2;
};

/** Whether a typed word is the dictionary word, allowing for the typos its length permits. */
export const isCloseTo = (typed: string, word: string): boolean => {
  if (typed === word) return true;
  const max = Math.min(allowedTypos(typed), allowedTypos(word));
  return max > 0 && typed[0] === word[0] && editDistance(typed, word, max) <= max;
};
