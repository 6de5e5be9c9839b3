// Manual 9.1: choose the learner year group (and, if you like, one of your groups), then "Export".
// The server's field errors (an unknown year group, a group you cannot see) appear beside the
// fields; anything else (not allowed, say) at the top of the form.
import { NativeSelect } from '@mantine/core';
import { ApiForm, useApiForm } from '@/components/ApiForm';
import type { Job } from '@/features/jobs';
import { useGroups } from '@/features/groups/api';
import { useReferenceList } from '@/features/learners/api';
import { useStartQualificationExport } from '../api';

export function ExportForm({ onQueued }: { onQueued: (job: Job) => void }) {
  const yearGroups = useReferenceList('year-groups');
  const groups = useGroups();
  const start = useStartQualificationExport();
  const f = useApiForm({
    initialValues: { year_group: '', group_id: '' },
    validate: { year_group: (v) => (v ? null : 'Choose the learner year group.') },
    onSubmit: async (v) => {
      const job = await start.mutateAsync({ year_group: v.year_group, ...(v.group_id ? { group_id: Number(v.group_id) } : {}) });
      onQueued(job);
    },
  });

  const groupOptions = (groups.data?.items ?? []).map((g) => ({ value: String(g.id), label: g.provider_name ? `${g.name} (${g.provider_name})` : g.name }));
  return (
    <ApiForm state={f} submitLabel="Export" aria-label="Export learner qualifications">
      <NativeSelect
        label="Learner year group"
        required
        maw={420}
        data={[{ value: '', label: 'Choose the year group' }, ...(yearGroups.data ?? []).map((y) => ({ value: y.code, label: y.label }))]}
        {...f.form.getInputProps('year_group')}
      />
      <NativeSelect
        label="Learner group"
        description="Optional: only the learners of the year group who are in this group."
        maw={420}
        data={[{ value: '', label: 'All learners in the year group' }, ...groupOptions]}
        {...f.form.getInputProps('group_id')}
      />
    </ApiForm>
  );
}
