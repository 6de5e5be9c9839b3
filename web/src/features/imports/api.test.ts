import { describe, expect, it } from 'vitest';
import { spreadsheetContentType } from './api';
import { importedText, errorCountText } from './status';

describe('spreadsheetContentType', () => {
  it('goes by the extension for the formats the server reads, whatever the browser guessed', () => {
    expect(spreadsheetContentType({ name: 'Learners.XLSX', type: '' })).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(spreadsheetContentType({ name: 'old.xls', type: '' })).toBe('application/vnd.ms-excel');
    // Windows with Excel installed calls a CSV file an Excel one
    expect(spreadsheetContentType({ name: 'list.csv', type: 'application/vnd.ms-excel' })).toBe('text/csv');
  });

  it("falls back to the browser's type, then to bytes", () => {
    expect(spreadsheetContentType({ name: 'notes.txt', type: 'text/plain' })).toBe('text/plain');
    expect(spreadsheetContentType({ name: 'noextension', type: '' })).toBe('application/octet-stream');
  });
});

describe('import texts', () => {
  it('counts in words', () => {
    expect(importedText({ kind: 'learner_import', created_count: 3 })).toBe('3 learners imported');
    expect(importedText({ kind: 'learner_import', created_count: 1 })).toBe('1 learner imported');
    expect(importedText({ kind: 'qualification_import', created_count: 1200 })).toBe('1,200 qualifications imported');
    expect(errorCountText(1)).toBe('1 error');
  });
});
