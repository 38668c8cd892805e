/** Peak resident set size of this process while a task runs, sampled every `intervalMs`. */
export async function withPeakRss<T>(
  task: () => Promise<T>,
  intervalMs = 25,
): Promise<{ readonly result: T; readonly peakRssBytes: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, intervalMs);
  try {
    const result = await task();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, peakRssBytes: peak };
  } finally {
    clearInterval(timer);
  }
}
