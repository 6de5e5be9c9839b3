// One import as its requester follows it (manual 7.4 e–h, 9.3 h–j): the progress bar while it
// runs, then the outcome — how many learners (or qualifications) were imported, with the way to the
// learners' generated passwords, or why it failed with the errors by row and the same list as a
// workbook to download.
import { useCallback } from 'react';
import { Alert, Anchor, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { errorMessage } from '@/lib/api-client';
import { JobProgress } from '@/features/jobs';
import { dashboardKey, learnersKey } from '@/features/learners/api';
import { importErrorsUrl, importKey, importsKey, useImport, type DataImport } from '../api';
import { errorCountText, importedText, isImportFinished, progressLabel } from '../status';
import { ImportErrorsTable } from './ImportErrorsTable';

export const NEVER_LOGGED_IN_PATH = '/learners/never-logged-in';

function Finished({ imp, headingOrder }: { imp: DataImport; headingOrder: 2 | 3 }) {
  if (imp.status === 'succeeded') {
    return (
      <Alert color="green" title={importedText(imp)}>
        <Stack gap={4}>
          {imp.kind === 'learner_import' && (
            <>
              <Text size="sm">Usernames and passwords were generated for them. Give each learner theirs: they choose a new password when they first sign in.</Text>
              <Anchor component={Link} to={NEVER_LOGGED_IN_PATH} size="sm">
                View learners who have not logged in
              </Anchor>
            </>
          )}
          {imp.kind === 'qualification_import' && (
            <>
              {imp.message && <Text size="sm">{imp.message}</Text>}
              <Text size="sm">Each learner in the file now has the qualifications listed for them there.</Text>
            </>
          )}
        </Stack>
      </Alert>
    );
  }
  if (imp.status === 'cancelled') {
    return (
      <Alert color="gray" title="The import was cancelled">
        {imp.message ?? 'Nothing was imported.'}
      </Alert>
    );
  }
  const listed = imp.errors.length;
  return (
    <Stack gap="sm">
      <Alert color="red" title="The import failed">
        {imp.message ?? 'The file could not be imported.'}
      </Alert>
      {imp.error_count > 0 && (
        <>
          <Group justify="space-between" align="flex-end" wrap="wrap">
            <div>
              <Title order={headingOrder} size="h4">
                Errors by row
              </Title>
              <Text size="sm">
                Correct {imp.error_count === 1 ? 'this' : 'these'} in your spreadsheet and import it again.
                {imp.errors_truncated && listed < imp.error_count ? ` The first ${listed.toLocaleString('en-GB')} of ${errorCountText(imp.error_count)} are listed here.` : ''}
              </Text>
            </div>
            <Anchor href={importErrorsUrl(imp.id)} download>
              Download the errors (.xlsx)
            </Anchor>
          </Group>
          {listed > 0 && <ImportErrorsTable errors={imp.errors} />}
        </>
      )}
    </Stack>
  );
}

export interface ImportOutcomeProps {
  importId: number;
  /** the level of the outcome's own headings, under the page's */
  headingOrder?: 2 | 3;
}

export function ImportOutcome({ importId, headingOrder = 3 }: ImportOutcomeProps) {
  const q = useImport(importId);
  const qc = useQueryClient();
  // When the job ends: the import's outcome, the history, and the learner lists, counts and
  // qualifications it changed.
  const onFinished = useCallback(() => {
    void Promise.all([
      qc.invalidateQueries({ queryKey: importKey(importId) }),
      qc.invalidateQueries({ queryKey: [...importsKey, 'list'] }),
      qc.invalidateQueries({ queryKey: learnersKey }),
      qc.invalidateQueries({ queryKey: dashboardKey }),
      qc.invalidateQueries({ queryKey: ['qualifications'] }),
    ]);
  }, [qc, importId]);

  const imp = q.data;
  return (
    <section aria-label="Import outcome">
      {q.isPending && (
        <Group gap="xs">
          <Loader size="sm" aria-hidden /> <Text size="sm">Loading the import…</Text>
        </Group>
      )}
      {q.isError && (
        <Alert color="red" title="The import could not be loaded">
          {errorMessage(q.error)}
        </Alert>
      )}
      {imp && !isImportFinished(imp.status) && <JobProgress jobId={imp.id} label={progressLabel(imp.kind)} onFinished={onFinished} />}
      {imp && isImportFinished(imp.status) && <Finished imp={imp} headingOrder={headingOrder} />}
    </section>
  );
}
