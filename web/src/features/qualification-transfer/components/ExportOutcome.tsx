// One export as its requester follows it (manual 9.1): the progress bar while the spreadsheet is
// made, then the link to download it — or why it could not be made.
import { useEffect, useRef } from 'react';
import { Alert, Anchor, Group, Loader, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '@/lib/api-client';
import { isFinished, JobProgress, useJob, type Job } from '@/features/jobs';
import { exportedLearners, exportsListKey, learnersText } from '../api';

export const EXPORT_PROGRESS_LABEL = 'Exporting learner qualifications';

function Finished({ job }: { job: Job }) {
  if (job.status === 'succeeded') {
    const learners = exportedLearners(job);
    return (
      <Alert color="green" title="The export is ready">
        <Stack gap={4}>
          {learners !== null && <Text size="sm">The spreadsheet lists {learnersText(learners)} with their current qualifications.</Text>}
          {job.result_url ? (
            <Anchor href={job.result_url} download size="sm" fw={600} c="dark.9" underline="always">
              Download the export (.xlsx)
            </Anchor>
          ) : (
            <Text size="sm">The spreadsheet is no longer kept: export the year group again.</Text>
          )}
          <Text size="sm">Add the qualifications on its Learner qualifications sheet, then import it on the Import tab.</Text>
        </Stack>
      </Alert>
    );
  }
  if (job.status === 'cancelled') {
    return (
      <Alert color="gray" title="The export was cancelled">
        Export the year group again when you need it.
      </Alert>
    );
  }
  return (
    <Alert color="red" title="The export failed">
      {job.error ?? 'The spreadsheet could not be made. Try again later.'}
    </Alert>
  );
}

export function ExportOutcome({ jobId }: { jobId: number }) {
  const q = useJob(jobId);
  const qc = useQueryClient();
  const job = q.data;
  // The job query is shared with the progress bar, which goes as soon as the job has finished: the
  // list of previous exports is brought up to date here.
  const reported = useRef(false);
  const finished = isFinished(job?.status);
  useEffect(() => {
    if (finished && !reported.current) {
      reported.current = true;
      void qc.invalidateQueries({ queryKey: exportsListKey });
    }
  }, [finished, qc]);
  return (
    <section aria-label="Export outcome">
      {q.isPending && (
        <Group gap="xs">
          <Loader size="sm" aria-hidden /> <Text size="sm">Loading the export…</Text>
        </Group>
      )}
      {q.isError && (
        <Alert color="red" title="The export could not be loaded">
          {errorMessage(q.error)}
        </Alert>
      )}
      {job && !isFinished(job.status) && (
        <Stack gap="xs">
          <JobProgress jobId={job.id} label={EXPORT_PROGRESS_LABEL} />
          <Text size="sm" c="dimmed">
            You can leave this page: you will get a notification and an email when the export is ready, and it stays under Previous exports.
          </Text>
        </Stack>
      )}
      {job && isFinished(job.status) && <Finished job={job} />}
    </section>
  );
}
