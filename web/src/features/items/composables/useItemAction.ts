import { onScopeDispose, readonly, ref, watch } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { ItemFieldsFragment } from '../../../gql/graphql';
import { isStaleVersion } from '../../../ui';

/**
 * Runs one lifecycle mutation on an item with the version the person saw (optimistic lock). The mutation selects
 * the card's fields, so the cache — the card and any inbox row — updates from the returned item. A refusal is
 * kept in `error` (translated by ErrorMessage); `stale` says someone else changed the item meanwhile.
 */
export function useItemAction<TData extends Record<string, unknown>, TVars extends { id: string | number; version: number }>(
  document: TypedDocumentNode<TData, TVars>,
) {
  const { mutate, loading } = useMutation(document);
  const error = ref<unknown>(null);
  const stale = ref(false);

  async function run(item: Pick<ItemFieldsFragment, 'id' | 'version'>, rest: Omit<TVars, 'id' | 'version'>): Promise<ItemFieldsFragment | null> {
    error.value = null;
    stale.value = false;
    try {
      const result = await mutate({ id: item.id, version: item.version, ...rest } as unknown as TVars);
      const data = result?.data;
      // Every item mutation has one field: the changed item.
      return data ? ((Object.values(data)[0] as ItemFieldsFragment | undefined) ?? null) : null;
    } catch (e) {
      error.value = e;
      stale.value = isStaleVersion(e);
      return null;
    }
  }

  return { run, loading, error, stale };
}

/** How long the notice of a done action stays on the card. */
export const DONE_NOTICE_MS = 10_000;

/**
 * The notice of an action the person has just taken on the card ("Готово: Назначено"). It belongs to the item as
 * that action left it: it goes when the item moves on under it (a live update with a newer version, another item
 * opened), after `DONE_NOTICE_MS`, or when the person does something else.
 */
export function useDoneNotice(item: () => Pick<ItemFieldsFragment, 'id' | 'version'>, ms = DONE_NOTICE_MS) {
  const text = ref('');
  let shownFor: Pick<ItemFieldsFragment, 'id' | 'version'> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function clear() {
    text.value = '';
    shownFor = null;
    clearTimeout(timer);
    timer = undefined;
  }

  /** Shows `message` for the item the action returned. */
  function show(message: string, after: Pick<ItemFieldsFragment, 'id' | 'version'>) {
    clear();
    text.value = message;
    shownFor = { id: after.id, version: after.version };
    timer = setTimeout(clear, ms);
  }

  watch(
    () => [item().id, item().version] as const,
    ([id, version]) => {
      if (shownFor && (id !== shownFor.id || version > shownFor.version)) clear();
    },
  );
  onScopeDispose(clear);

  return { text: readonly(text), show, clear };
}
