// Two providers as GET /api/v1/providers lists them, for pages that offer a provider filter.
export const twoProviders = {
  items: [
    { id: 5, name: 'Cheltenham College' },
    { id: 6, name: 'Gloucester School' },
  ],
  next_cursor: null,
  total: 2,
};
