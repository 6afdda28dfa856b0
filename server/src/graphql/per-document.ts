import type { DocumentNode } from 'graphql';

/**
 * What is found by walking a document, remembered with the document: Apollo keeps one parsed document per query
 * text (its document store), so the dashboard's few documents are each walked once per process, not once per
 * request. The key is the document object itself (a WeakMap: gone with it).
 */
export function perDocument<T>(compute: (document: DocumentNode) => T): (document: DocumentNode) => T {
  const found = new WeakMap<DocumentNode, T>();
  return (document) => {
    if (found.has(document)) return found.get(document)!;
    const value = compute(document);
    found.set(document, value);
    return value;
  };
}

const MAX_KEY = 2048;

/**
 * The same for what depends on the variables too: per document, the answers for the last `size` distinct keys
 * (forgotten all at once when full; the dashboard sends a handful of variable sets per document); keys longer
 * than 2 KB are not remembered.
 */
export function perDocumentAndKey<T>(compute: (document: DocumentNode, key: string) => T, size = 64): (document: DocumentNode, key: string) => T {
  const found = new WeakMap<DocumentNode, Map<string, T>>();
  return (document, key) => {
    // A long key (a mutation's text) is worked out each time: remembered, it would hold memory for nothing.
    if (key.length > MAX_KEY) return compute(document, key);
    let byKey = found.get(document);
    if (!byKey) found.set(document, (byKey = new Map()));
    if (byKey.has(key)) return byKey.get(key)!;
    const value = compute(document, key);
    if (byKey.size >= size) byKey.clear();
    byKey.set(key, value);
    return value;
  };
}
