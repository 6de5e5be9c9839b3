// Manual 5.2: every learner the user may see, with search, provider, status, group and sort (all
// kept in the address, so dashboard counts and group member counts link straight to a filtered
// list), paging, and the whole filtered list as an Excel or CSV file made by the server.
import { useMemo } from 'react';
import { Anchor, Button, Group, NativeSelect, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useSearchParams } from 'react-router';
import { DataTable, type Column } from '@/components/DataTable';
import { EmptyState } from '@/components/EmptyState';
import { PageTitle } from '@/components/PageTitle';
import { formatDateTime } from '@/lib/format';
import { can, PERMISSIONS } from '@/lib/permissions';
import type { LearnerSummary } from '@/lib/types';
import { useMe } from '@/features/auth/api';
import { useProviderOptions } from '@/features/providers/api';
import { useGroups } from '@/features/groups/api';
import { learnersDownloadUrl, learnersKey, listLearners } from '../api';
import { ApprovalBadge, LockedBadge, SectionBadges } from '../components/LearnerBadges';
import { learnerName, useLearnerActions, type LearnerActions } from '../components/LearnerActionDialogs';
import { LEARNER_STATUSES, statusLabel } from '../status';

export const SORTS = [
  { value: 'last_name', label: 'Last name, A to Z' },
  { value: '-last_name', label: 'Last name, Z to A' },
  { value: '-created_at', label: 'Newest first' },
  { value: 'created_at', label: 'Oldest first' },
  { value: 'username', label: 'Username' },
];

const FILTERS = ['q', 'provider_id', 'status', 'sort', 'group_id'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

function RowActions({ learner, actions }: { learner: LearnerSummary; actions: LearnerActions }) {
  const name = learnerName(learner);
  return (
    <Group gap={4} wrap="nowrap">
      <Button size="compact-sm" variant="subtle" onClick={() => actions.askReset(learner)} aria-label={`Reset password for ${name}`}>
        Reset password
      </Button>
      {learner.locked && (
        <Button size="compact-sm" variant="subtle" color="orange" onClick={() => actions.unlock(learner)} loading={actions.unlocking === learner.id} aria-label={`Unlock ${name}`}>
          Unlock
        </Button>
      )}
      <Button size="compact-sm" variant="subtle" color="red" onClick={() => actions.askDelete(learner)} aria-label={`Delete ${name}`}>
        Delete
      </Button>
    </Group>
  );
}

export function LearnersPage() {
  const me = useMe();
  const canEdit = can(me.data?.permissions, PERMISSIONS.learnersEdit);
  const providers = useProviderOptions();
  const groups = useGroups();
  const actions = useLearnerActions();
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ''])) as Filters;
  const [debouncedQ] = useDebouncedValue(values.q, 300);
  const set = (k: keyof Filters, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const filtered = !!(values.q || values.provider_id || values.status || values.group_id);
  // The list and its downloads ask for the same learners.
  const listFilters = { q: debouncedQ.trim(), provider_id: values.provider_id, status: values.status, sort: values.sort, group_id: values.group_id };

  const columns = useMemo<Column<LearnerSummary>[]>(
    () => [
      { key: 'username', header: 'Username', render: (l) => l.username },
      { key: 'first_name', header: 'First name', render: (l) => l.first_name },
      {
        key: 'last_name',
        header: 'Last name',
        render: (l) => (
          <Anchor component={Link} to={`/learners/${l.id}`}>
            {l.last_name || l.username}
            <VisuallyHidden>, {l.first_name}</VisuallyHidden>
          </Anchor>
        ),
      },
      { key: 'email', header: 'Email', render: (l) => l.email || '—' },
      { key: 'provider', header: 'Provider', render: (l) => l.provider_name },
      { key: 'sections', header: 'Profile sections', render: (l) => <SectionBadges sections={l.sections} /> },
      { key: 'approval', header: 'Approval', render: (l) => <ApprovalBadge approval={l.approval} /> },
      { key: 'last_login_at', header: 'Last signed in', render: (l) => (l.last_login_at ? formatDateTime(l.last_login_at) : 'Never') },
      { key: 'locked', header: 'Locked', render: (l) => (l.locked ? <LockedBadge locked /> : <Text size="sm" c="dimmed">No</Text>) },
      ...(canEdit ? [{ key: 'actions', header: 'Actions', render: (l: LearnerSummary) => <RowActions learner={l} actions={actions} /> }] : []),
    ],
    [actions, canEdit],
  );

  const title = values.status ? `Learners: ${statusLabel(values.status).toLowerCase()}` : 'Learners';
  return (
    <Stack>
      <PageTitle
        description="Learners at your providers: their profile sections, sign-in and approval."
        actions={
          canEdit && (
            <Group gap="sm">
              <Button component={Link} to={values.provider_id ? `/learners/new?provider_id=${values.provider_id}` : '/learners/new'}>
                Create learner
              </Button>
              <Button component={Link} to="/learners/import" variant="default">
                Import learners
              </Button>
              <Button component={Link} to="/learners/never-logged-in" variant="default">
                Learners who have not logged in
              </Button>
              <Button component={Link} to="/learners/qualifications-transfer" variant="default">
                Learner qualifications import/export
              </Button>
            </Group>
          )
        }
      >
        {title}
      </PageTitle>
      <DataTable
        label="Learners"
        queryKey={learnersKey}
        fetchPage={listLearners}
        filters={listFilters}
        downloads={
          <Group gap="xs">
            <Button component="a" href={learnersDownloadUrl('xlsx', listFilters)} download="learners.xlsx" variant="default">
              Download Excel
            </Button>
            <Button component="a" href={learnersDownloadUrl('csv', listFilters)} download="learners.csv" variant="default">
              Download CSV
            </Button>
          </Group>
        }
        columns={columns}
        rowKey={(l) => l.id}
        toolbar={
          <>
            <TextInput
              label="Search"
              description="Start of a name, username, email or ULN"
              type="search"
              value={values.q}
              onChange={(e) => set('q', e.currentTarget.value)}
            />
            <NativeSelect
              label="Provider"
              description="Learners at"
              value={values.provider_id}
              onChange={(e) => set('provider_id', e.currentTarget.value)}
              data={[{ value: '', label: 'All providers' }, ...(providers.data?.items ?? []).map((p) => ({ value: String(p.id), label: p.name }))]}
            />
            <NativeSelect
              label="Status"
              description="Show learners who are"
              value={values.status}
              onChange={(e) => set('status', e.currentTarget.value)}
              data={[{ value: '', label: 'Any status' }, ...LEARNER_STATUSES.map((s) => ({ value: s.code, label: s.label }))]}
            />
            <NativeSelect
              label="Group"
              description="Learners in"
              value={values.group_id}
              onChange={(e) => set('group_id', e.currentTarget.value)}
              data={[{ value: '', label: 'Any group' }, ...(groups.data?.items ?? []).map((g) => ({ value: String(g.id), label: `${g.name} (${g.provider_name})` }))]}
            />
            <NativeSelect label="Sort by" description="Order of the list" value={values.sort || 'last_name'} onChange={(e) => set('sort', e.currentTarget.value === 'last_name' ? '' : e.currentTarget.value)} data={SORTS} />
            {filtered && (
              <Group>
                <Button variant="subtle" onClick={() => setParams(values.sort ? { sort: values.sort } : {}, { replace: true })}>
                  Clear filters
                </Button>
              </Group>
            )}
          </>
        }
        empty={
          filtered ? (
            <EmptyState title="No learners match">Try another search, provider, group or status.</EmptyState>
          ) : (
            <EmptyState
              title="No learners yet"
              action={
                canEdit ? (
                  <Anchor component={Link} to="/learners/new">
                    Create the first learner
                  </Anchor>
                ) : undefined
              }
            >
              Learners created at your providers appear here.
            </EmptyState>
          )
        }
      />
      {actions.dialogs}
    </Stack>
  );
}
