/** The most send times inside any window of `ms` (sliding, starting at each send). */
export function maxInAnyWindow(times: readonly number[], ms: number): number {
  return Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + ms).length));
}
