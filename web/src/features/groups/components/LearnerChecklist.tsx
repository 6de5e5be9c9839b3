// A searchable, paged list of learners with tick boxes and one action for the ticked ones: the group
// page uses it twice, to associate the provider's learners and to un-assign members (manual 8.1/8.2).
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { Anchor, Badge, Button, Checkbox, NativeSelect, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router';
import { DataTable, type Column } from '@/components/DataTable';
import { errorMessage, type Query } from '@/lib/api-client';
import type { LearnerSummary } from '@/lib/types';
import { learnersKey, listLearners, useReferenceList } from '@/features/learners/api';
import { learnerName } from '@/features/learners/components/LearnerActionDialogs';
import { actionLabel, pageState, setPage, toggle } from '../selection';

export interface LearnerChecklistProps {
  /** accessible name of the table */
  label: string;
  /** what the rows are ("members", "learners"), naming the search and filter fields apart */
  noun: string;
  /** the fixed filters: which learners the list is of (provider_id or group_id) */
  scope: Query;
  /** "Associate" or "Un-assign"; the button says how many */
  verb: string;
  /** what the action did, for the notification */
  done: (count: number) => string;
  onAction: (ids: number[]) => Promise<unknown>;
  /** false for those who may look but not change membership */
  canAct: boolean;
  /** learners already in the group, marked in the list */
  memberIds?: ReadonlySet<number>;
  empty: ReactNode;
}

export function LearnerChecklist({ label, noun, scope, verb, done, onAction, canAct, memberIds, empty }: LearnerChecklistProps) {
  const yearGroups = useReferenceList('year-groups');
  const [q, setQ] = useState('');
  const [yearGroup, setYearGroup] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [pageIds, setPageIds] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const onItems = useCallback((rows: LearnerSummary[]) => setPageIds(rows.map((l) => l.id)), []);
  const yearLabel = useMemo(() => new Map((yearGroups.data ?? []).map((y) => [y.code, y.label])), [yearGroups.data]);
  const state = pageState(selected, pageIds);

  async function act() {
    setBusy(true);
    try {
      const ids = [...selected];
      await onAction(ids);
      setSelected(new Set());
      notifications.show({ color: 'green', title: 'Group updated', message: done(ids.length) });
    } catch (e) {
      notifications.show({ color: 'red', title: 'The group was not changed', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  }

  const columns: Column<LearnerSummary>[] = [
    ...(canAct
      ? [
          {
            key: 'tick',
            header: 'Tick',
            render: (l: LearnerSummary) => <Checkbox aria-label={`Tick ${learnerName(l)} (${l.username})`} checked={selected.has(l.id)} onChange={() => setSelected((s) => toggle(s, l.id))} />,
          },
        ]
      : []),
    {
      key: 'name',
      header: 'Name',
      render: (l) => (
        <Anchor component={Link} to={`/learners/${l.id}`}>
          {learnerName(l)}
        </Anchor>
      ),
    },
    { key: 'username', header: 'Username', render: (l) => l.username },
    { key: 'year_group', header: 'Year group', render: (l) => yearLabel.get(l.year_group) ?? l.year_group },
    ...(memberIds
      ? [
          {
            key: 'member',
            header: 'In this group',
            render: (l: LearnerSummary) =>
              memberIds.has(l.id) ? (
                <Badge color="green" variant="light" tt="none">
                  In group
                </Badge>
              ) : (
                <Text size="sm" c="dimmed">
                  No<VisuallyHidden>t in this group</VisuallyHidden>
                </Text>
              ),
          },
        ]
      : []),
  ];

  return (
    <DataTable
      label={label}
      queryKey={[...learnersKey, 'checklist']}
      fetchPage={listLearners}
      filters={{ ...scope, q: debouncedQ.trim(), year_group: yearGroup }}
      columns={columns}
      rowKey={(l) => l.id}
      onItems={onItems}
      toolbar={
        <>
          <TextInput label={`Search ${noun}`} description="Start of a name, username, email or ULN" type="search" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
          <NativeSelect
            label={`Year group of ${noun}`}
            description="Show only"
            value={yearGroup}
            onChange={(e) => setYearGroup(e.currentTarget.value)}
            data={[{ value: '', label: 'All year groups' }, ...(yearGroups.data ?? []).map((y) => ({ value: y.code, label: y.label }))]}
          />
          {canAct && (
            <>
              <Checkbox
                label={`Select all ${noun} on this page`}
                checked={state === 'all'}
                indeterminate={state === 'some'}
                disabled={pageIds.length === 0}
                onChange={() => setSelected((s) => setPage(s, pageIds, state !== 'all'))}
                mb={8}
              />
              <Button onClick={act} loading={busy} disabled={selected.size === 0}>
                {actionLabel(verb, selected.size)}
              </Button>
            </>
          )}
        </>
      }
      empty={empty}
    />
  );
}
