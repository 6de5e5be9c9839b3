// One import (manual 7.4 g): who asked for it and when, then its progress or its outcome with the
// errors by row. Previous imports link here.
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { PageTitle } from '@/components/PageTitle';
import { formatDateTime } from '@/lib/format';
import { useImport, type ImportKind } from '../api';
import { ImportOutcome } from '../components/ImportOutcome';
import { importStatusLabel } from '../status';

/** The page each kind of import is made on. */
const BACK_LINKS: Record<ImportKind, { to: string; label: string }> = {
  learner_import: { to: '/learners/import', label: 'Import learners' },
  qualification_import: { to: '/learners/qualifications-transfer?tab=import', label: 'Learner qualifications import/export' },
};

export function ImportDetailPage() {
  const id = Number(useParams().id) || 0;
  const q = useImport(id);
  const imp = q.data;
  const back = BACK_LINKS[imp?.kind ?? 'learner_import'];
  return (
    <Stack maw={1100}>
      {back && (
        <Anchor component={Link} to={back.to} size="sm">
          ← {back.label}
        </Anchor>
      )}
      <PageTitle
        description={
          imp ? (
            <Group gap="lg" component="span" wrap="wrap">
              <span>Requested on {formatDateTime(imp.created_at)} by {imp.requested_by?.name || 'someone'}</span>
              <span>Status: {importStatusLabel(imp.status)}</span>
              {imp.finished_at && <span>Processed on {formatDateTime(imp.finished_at)}</span>}
            </Group>
          ) : undefined
        }
      >
        {imp ? `Import of ${imp.filename}` : 'Import'}
      </PageTitle>
      {id > 0 ? <ImportOutcome importId={id} headingOrder={2} /> : <Text>There is no such import.</Text>}
    </Stack>
  );
}
