import { describe, expect, it } from 'vitest';
import { initialPaging, listParams, nextPage, pageNumber, previousPage, shownRange, toggleSort, totalLabel, withLimit } from './paging';

describe('DataTable paging parameters', () => {
  it('asks for the first page with limit and filters, dropping empty filters', () => {
    const s = initialPaging(25);
    expect(listParams({ q: 'smith', status: '' }, s)).toEqual({ q: 'smith', limit: 25 });
  });

  it('walks forward with next_cursor and back through the cursors it used', () => {
    let s = initialPaging(10);
    s = nextPage(s, 'c2');
    s = nextPage(s, 'c3');
    expect(pageNumber(s)).toBe(3);
    expect(listParams({}, s)).toEqual({ limit: 10, cursor: 'c3' });
    s = previousPage(s);
    expect(listParams({}, s)).toEqual({ limit: 10, cursor: 'c2' });
    s = previousPage(previousPage(s));
    expect(listParams({}, s)).toEqual({ limit: 10 });
    expect(pageNumber(s)).toBe(1);
  });

  it('does not move past the last page', () => {
    const s = initialPaging(10);
    expect(nextPage(s, null)).toBe(s);
  });

  it('starts again from page 1 when the page size or sort changes', () => {
    const s = nextPage(initialPaging(10), 'c2');
    expect(listParams({}, withLimit(s, 50))).toEqual({ limit: 50 });
    const sorted = toggleSort(s, 'name');
    expect(listParams({}, sorted)).toEqual({ limit: 10, sort: 'name' });
    expect(listParams({}, toggleSort(sorted, 'name'))).toEqual({ limit: 10, sort: '-name' });
    expect(toggleSort(toggleSort(sorted, 'name'), 'name').sort).toBeNull();
  });

  it('reports the rows shown', () => {
    const s = nextPage(initialPaging(25), 'c2');
    expect(shownRange(s, 10)).toEqual({ from: 26, to: 35 });
    expect(shownRange(initialPaging(25), 0)).toEqual({ from: 0, to: 0 });
  });
});

describe('DataTable total', () => {
  it('shows an exact total with thousands separators', () => {
    expect(totalLabel(41326)).toBe('41,326');
    expect(totalLabel(2, false)).toBe('2');
  });

  it('says "more than" when a broad search stopped counting at its cap', () => {
    expect(totalLabel(1000, true)).toBe('more than 1,000');
  });
});
