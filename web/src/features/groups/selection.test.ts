// The checklist's tick rules: toggling, the page box, and the action button's words.
import { describe, expect, it } from 'vitest';
import { actionLabel, pageState, setPage, toggle } from './selection';

const ids = (s: Set<number>) => [...s].sort((a, b) => a - b);

describe('toggle', () => {
  it.each([
    { before: [], id: 3, after: [3] },
    { before: [3], id: 3, after: [] },
    { before: [1, 2], id: 3, after: [1, 2, 3] },
  ])('$before toggling $id gives $after', ({ before, id, after }) => {
    const start = new Set(before);
    expect(ids(toggle(start, id))).toEqual(after);
    expect(ids(start)).toEqual(before);
  });
});

describe('setPage', () => {
  it.each([
    { before: [], page: [1, 2], on: true, after: [1, 2] },
    { before: [9], page: [1, 2], on: true, after: [1, 2, 9] },
    { before: [1, 2, 9], page: [1, 2], on: false, after: [9] },
    { before: [1], page: [], on: true, after: [1] },
  ])('$before with page $page on=$on gives $after', ({ before, page, on, after }) => {
    expect(ids(setPage(new Set(before), page, on))).toEqual(after);
  });
});

describe('pageState', () => {
  it.each([
    { selected: [], page: [1, 2], state: 'none' },
    { selected: [1], page: [1, 2], state: 'some' },
    { selected: [1, 2, 7], page: [1, 2], state: 'all' },
    { selected: [7], page: [1, 2], state: 'none' },
    { selected: [1], page: [], state: 'none' },
  ])('$selected over page $page is $state', ({ selected, page, state }) => {
    expect(pageState(new Set(selected), page)).toBe(state);
  });
});

describe('actionLabel', () => {
  it.each([
    { count: 0, label: 'Associate' },
    { count: 1, label: 'Associate 1 learner' },
    { count: 2, label: 'Associate 2 learners' },
  ])('$count → $label', ({ count, label }) => {
    expect(actionLabel('Associate', count)).toBe(label);
  });
});
