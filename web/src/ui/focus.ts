import { nextTick } from 'vue';

/** After a failed submit: bring the first field with a problem (or the error message) into view and focus it. */
export async function revealFirstProblem(container: HTMLElement | null | undefined): Promise<void> {
  await nextTick();
  const target =
    container?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
    container?.querySelector<HTMLElement>('fieldset[aria-describedby] input') ??
    container?.querySelector<HTMLElement>('[role="alert"]');
  if (!target) return;
  target.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  if (typeof target.focus === 'function') target.focus({ preventScroll: true });
}
