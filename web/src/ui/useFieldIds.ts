import { computed, useId, type ComputedRef } from 'vue';

/** The ids that tie a field's control to its hint and problems (`aria-describedby`). */
export function useFieldIds(
  prefix: string,
  props: { id?: string; hint?: string; problems: readonly string[] },
): { id: ComputedRef<string>; hintId: ComputedRef<string>; problemsId: ComputedRef<string>; describedBy: ComputedRef<string | undefined> } {
  const auto = `${prefix}-${useId()}`;
  const id = computed(() => props.id ?? auto);
  const hintId = computed(() => `${id.value}-hint`);
  const problemsId = computed(() => `${id.value}-problems`);
  const describedBy = computed(
    () => [props.hint ? hintId.value : '', props.problems.length ? problemsId.value : ''].filter(Boolean).join(' ') || undefined,
  );
  return { id, hintId, problemsId, describedBy };
}
