import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { AppProviders, makeQueryClient } from './providers';
import { makeRouter } from './router';

export function App() {
  const [queryClient] = useState(makeQueryClient);
  const [router] = useState(makeRouter);
  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
