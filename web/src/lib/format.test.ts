import { describe, expect, it } from 'vitest';
import { formatDate } from './format';

describe('formatDate', () => {
  it('writes dates the way the manual does', () => {
    expect(formatDate('2008-01-01')).toBe('01 Jan 2008');
    expect(formatDate('1997-09-30')).toBe('30 Sep 1997');
    expect(formatDate('2012-06-27T23:30:00Z')).toBe('27 Jun 2012');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('not a date')).toBe('not a date');
  });
});
