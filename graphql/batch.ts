// Collects the calls made in one tick of query execution and runs them as one batch
// (sibling fields of a list resolve in the same tick), like DataLoader without a cache.
export function createBatcher<K, V>(run: (keys: K[]) => Promise<V[]>): (key: K) => Promise<V> {
  let queue: { key: K; resolve: (value: V) => void; reject: (error: unknown) => void }[] = [];
  return (key) =>
    new Promise<V>((resolve, reject) => {
      queue.push({ key, resolve, reject });
      if (queue.length > 1) return;
      process.nextTick(() => {
        const batch = queue;
        queue = [];
        run(batch.map((b) => b.key)).then(
          (values) => {
            for (const [i, b] of batch.entries()) b.resolve(values[i]);
          },
          (error) => {
            for (const b of batch) b.reject(error);
          },
        );
      });
    });
}
