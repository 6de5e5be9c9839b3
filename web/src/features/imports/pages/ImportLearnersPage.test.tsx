import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { MemoryRouter } from 'react-router';
import { ImportLearnersPage } from './ImportLearnersPage';

describe('ImportLearnersPage', () => {
  it('offers the blank template as a download from the API', () => {
    render(
      <MantineProvider>
        <MemoryRouter>
          <ImportLearnersPage />
        </MemoryRouter>
      </MantineProvider>,
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Import learners' })).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Download the import template' });
    expect(link.getAttribute('href')).toBe('/api/v1/imports/learners/template');
    expect(link.getAttribute('download')).toBe('learner-import-template.xlsx');
    expect(screen.getByText(/Columns marked \* are mandatory/)).toBeTruthy();
  });
});
