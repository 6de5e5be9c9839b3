// The learner's own reference, read-only, for their profile page: the current completed version
// when their learner manager has chosen to display it, and an empty state otherwise.
import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import { EmptyState } from '@/components/EmptyState';
import { errorMessage, isApiError } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { useOwnReference, useRatingScale } from '../api';
import { ReferenceDetails } from './ReferenceDetails';

export function LearnerReferenceView() {
  const q = useOwnReference();
  const scale = useRatingScale();
  let body;
  if (q.isPending || scale.isPending) body = <Loader size="sm" aria-label="Loading your reference" />;
  else if (q.isError && isApiError(q.error) && q.error.status === 404)
    body = (
      <EmptyState title="Your reference is not available to view">
        Your learner manager writes your reference. When they complete it and choose to show it to you, it will appear here.
      </EmptyState>
    );
  else if (q.isError || scale.isError)
    body = (
      <Alert color="red" role="alert">
        {errorMessage(q.error ?? scale.error)}
      </Alert>
    );
  else
    body = (
      <Stack gap="sm">
        <Text size="sm">
          Version {q.data.number}, completed {formatDateTime(q.data.completed_at)}
          {q.data.completed_by_name && ` by ${q.data.completed_by_name}`}.
        </Text>
        <ReferenceDetails reference={q.data} scale={scale.data} />
      </Stack>
    );
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        Your reference
      </Title>
      {body}
    </Stack>
  );
}
