// What the learner form's pickers offer: the user's providers and the reference lists.
import { useProviderOptions } from '@/features/providers/api';
import { useReferenceList } from '../api';

export function useLearnerFormData() {
  const providers = useProviderOptions();
  const yearGroups = useReferenceList('year-groups');
  const genders = useReferenceList('genders');
  const ethnicities = useReferenceList('ethnicities');
  const queries = [providers, yearGroups, genders, ethnicities];
  return {
    providers: providers.data?.items ?? [],
    yearGroups: yearGroups.data ?? [],
    genders: genders.data ?? [],
    ethnicities: ethnicities.data ?? [],
    loading: queries.some((q) => q.isPending),
    failed: queries.some((q) => q.isError),
  };
}
