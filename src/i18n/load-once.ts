/** Starts a load once per key and shares it; a load that failed is forgotten, so the next call tries again. */
export function loadOnce<K>(pending: Map<K, Promise<void>>, key: K, start: () => Promise<void>): Promise<void> {
  let loading = pending.get(key);
  if (!loading) {
    loading = start().catch((error: unknown) => {
      pending.delete(key);
      throw error;
    });
    pending.set(key, loading);
  }
  return loading;
}
