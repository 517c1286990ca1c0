/**
 * Replaces `owner[key]` with `make(original)` and returns the exact undo. The undo restores the original
 * only while the replacement is still there (someone who patched over it keeps their patch), and deletes
 * the property when the original was inherited rather than the owner's own. It acts once.
 */
export function patch<T extends object, K extends keyof T>(
  owner: T,
  key: K,
  make: (original: T[K]) => T[K],
): () => void {
  const original = owner[key];
  const wasOwn = Object.hasOwn(owner, key);
  const replacement = make(original);
  owner[key] = replacement;
  let undone = false;
  return () => {
    if (undone) return;
    undone = true;
    if (owner[key] !== replacement) return;
    if (wasOwn) owner[key] = original;
    else delete owner[key];
  };
}
