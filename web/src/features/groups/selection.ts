// Ticked learners in a paged checklist (manual 8.1/8.2: "tick them, then Associate / Un-assign").
// Ticks survive paging and searching, so a manager can gather learners from several pages.

export type PageState = 'none' | 'some' | 'all';

/** Ticks or unticks one learner. */
export function toggle(selected: ReadonlySet<number>, id: number): Set<number> {
  const next = new Set(selected);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** Ticks (or, with on = false, unticks) every learner on the page, leaving other pages' ticks. */
export function setPage(selected: ReadonlySet<number>, pageIds: readonly number[], on: boolean): Set<number> {
  const next = new Set(selected);
  for (const id of pageIds) {
    if (on) next.add(id);
    else next.delete(id);
  }
  return next;
}

/** How much of the page is ticked, for the "select all on this page" box (checked / mixed). */
export function pageState(selected: ReadonlySet<number>, pageIds: readonly number[]): PageState {
  const ticked = pageIds.filter((id) => selected.has(id)).length;
  if (ticked === 0) return 'none';
  return ticked === pageIds.length ? 'all' : 'some';
}

/** The words on the action button, saying how many it will act on. */
export function actionLabel(verb: string, count: number): string {
  if (count === 0) return verb;
  return `${verb} ${count} ${count === 1 ? 'learner' : 'learners'}`;
}
