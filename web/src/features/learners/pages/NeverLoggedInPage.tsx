// Manual 6.4 and 7.5: the learners who have not signed in yet, with the usernames and passwords
// generated for them (an import, or "Generate a password"), so they can be handed out — on screen
// and as a workbook with the same filters. A learner leaves the list at their first sign-in, when
// they choose their own password. A password a manager typed in is not kept, so it reads "Set by a
// manager". Provider and search are kept in the address.
import { useMemo } from 'react';
import { Anchor, Button, Code, Group, NativeSelect, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useSearchParams } from 'react-router';
import { DataTable, type Column } from '@/components/DataTable';
import { EmptyState } from '@/components/EmptyState';
import { PageTitle } from '@/components/PageTitle';
import { formatDate } from '@/lib/format';
import type { NeverLoggedInLearner } from '@/lib/types';
import { useProviderOptions } from '@/features/providers/api';
import { listNeverLoggedIn, NEVER_LOGGED_IN_FILENAME, neverLoggedInDownloadUrl, neverLoggedInKey } from '../never-logged-in-api';

export const PASSWORD_SET_BY_MANAGER = 'Set by a manager';

export function NeverLoggedInPage() {
  const providers = useProviderOptions();
  const [params, setParams] = useSearchParams();
  const providerId = params.get('provider_id') ?? '';
  const q = params.get('q') ?? '';
  const [debouncedQ] = useDebouncedValue(q, 300);
  const set = (k: 'provider_id' | 'q', v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const providerItems = providers.data?.items ?? [];
  const filters = { provider_id: providerId, q: debouncedQ.trim() };
  const filtered = !!(providerId || filters.q);

  const columns = useMemo<Column<NeverLoggedInLearner>[]>(
    () => [
      { key: 'provider', header: 'Provider', render: (l) => l.provider_name },
      { key: 'first_name', header: 'First name', render: (l) => l.first_name },
      {
        key: 'last_name',
        header: 'Last name',
        render: (l) => (
          <Anchor component={Link} to={`/learners/${l.learner_id}`}>
            {l.last_name}
            <VisuallyHidden>, {l.first_name}</VisuallyHidden>
          </Anchor>
        ),
      },
      { key: 'postcode', header: 'Postcode', render: (l) => l.postcode || '—' },
      { key: 'uln', header: 'ULN', render: (l) => l.uln || '—' },
      { key: 'date_of_birth', header: 'Date of birth', render: (l) => formatDate(l.date_of_birth) },
      { key: 'username', header: 'Username', render: (l) => l.username },
      {
        key: 'password',
        header: 'Password',
        render: (l) =>
          l.password ? (
            <Code fz="sm" c="dark.9" data-testid="generated-password">
              {l.password}
            </Code>
          ) : (
            <Text size="sm" c="dimmed">
              {PASSWORD_SET_BY_MANAGER}
            </Text>
          ),
      },
      { key: 'created_at', header: 'Created on', render: (l) => formatDate(l.created_at) },
    ],
    [],
  );

  return (
    <Stack>
      <Anchor component={Link} to="/learners" size="sm">
        ← All learners
      </Anchor>
      <PageTitle description="Learners at your providers who have not signed in yet, with the usernames and passwords generated for them.">
        Learners who have not logged in
      </PageTitle>
      <Stack gap="xs" maw={900}>
        <Text>
          Download this list to hand each learner their username and password. When a learner signs in for the first time they must change their password, and they
          leave this list.
        </Text>
        <Group>
          <Button component="a" href={neverLoggedInDownloadUrl(filters)} download={NEVER_LOGGED_IN_FILENAME} variant="default">
            Download learners who have not logged in
          </Button>
        </Group>
      </Stack>
      <DataTable
        label="Learners who have not logged in"
        queryKey={neverLoggedInKey}
        fetchPage={listNeverLoggedIn}
        filters={filters}
        columns={columns}
        rowKey={(l) => l.learner_id}
        toolbar={
          <>
            <TextInput label="Search" description="Start of a name or username" type="search" value={q} onChange={(e) => set('q', e.currentTarget.value)} />
            {providerItems.length > 1 && (
              <NativeSelect
                label="Provider"
                description="Learners at"
                value={providerId}
                onChange={(e) => set('provider_id', e.currentTarget.value)}
                data={[{ value: '', label: 'All providers' }, ...providerItems.map((p) => ({ value: String(p.id), label: p.name }))]}
              />
            )}
          </>
        }
        empty={
          filtered ? (
            <EmptyState title="No learners match">Everyone who matches has signed in at least once. Try another search or provider.</EmptyState>
          ) : (
            <EmptyState title="Every learner has signed in at least once." />
          )
        }
      />
    </Stack>
  );
}
