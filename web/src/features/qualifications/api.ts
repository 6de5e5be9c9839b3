// Every qualification endpoint: a learner's qualifications (through the manager's or the learner's
// own routes, chosen by `QualificationsOwner`), the section's complete/reopen, the reference lists
// of the form, and the administrator's catalogue.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Learner, ReferenceItem } from '@/lib/types';
import { learnersKey } from '@/features/learners/api';
import type { CatalogueKind, CatalogueType, CatalogueItem, Qualification, QualificationBody, QualificationList } from './types';

/** Whose qualifications: a learner managed by the caller, or the signed-in learner's own. */
export type QualificationsOwner = { own: true } | { own: false; learnerId: number };

/** The path the owner's routes start with, below /api/v1. */
export function ownerPath(owner: QualificationsOwner): string {
  return owner.own ? '/me/learner' : `/learners/${owner.learnerId}`;
}

const qualificationsKey = (owner: QualificationsOwner) => ['qualifications', ownerPath(owner)] as const;

export function useQualifications(owner: QualificationsOwner) {
  return useQuery({
    queryKey: qualificationsKey(owner),
    queryFn: ({ signal }) => api.get<QualificationList>(`${ownerPath(owner)}/qualifications`, undefined, signal),
  });
}

/** A change to a learner's qualifications can change the learner (approval) and the lists' counts. */
function useInvalidate(owner: QualificationsOwner) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: qualificationsKey(owner) }),
      qc.invalidateQueries({ queryKey: learnersKey }),
      qc.invalidateQueries({ queryKey: ['dashboard'] }),
      qc.invalidateQueries({ queryKey: ['me-learner'] }),
    ]);
}

export function useSaveQualification(owner: QualificationsOwner) {
  const invalidate = useInvalidate(owner);
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: QualificationBody }) =>
      id ? api.patch<Qualification>(`${ownerPath(owner)}/qualifications/${id}`, body) : api.post<Qualification>(`${ownerPath(owner)}/qualifications`, body),
    onSuccess: () => invalidate(),
  });
}

export function useDeleteQualification(owner: QualificationsOwner) {
  const invalidate = useInvalidate(owner);
  return useMutation({
    mutationFn: (id: number) => api.delete<void>(`${ownerPath(owner)}/qualifications/${id}`),
    onSuccess: () => invalidate(),
  });
}

/** "I have added all of my qualifications" (complete) and "Update my qualifications" (reopen). */
export function useQualificationsSection(owner: QualificationsOwner) {
  const invalidate = useInvalidate(owner);
  return useMutation({
    mutationFn: (complete: boolean) => api.post<Learner>(`${ownerPath(owner)}/sections/qualifications/${complete ? 'complete' : 'reopen'}`),
    onSuccess: () => invalidate(),
  });
}

const HOUR = 60 * 60_000;

export function useQualificationTypes() {
  return useQuery({
    queryKey: ['reference', 'qualification-types'],
    queryFn: ({ signal }) => api.get<ReferenceItem[]>('/reference/qualification-types', undefined, signal),
    staleTime: HOUR,
  });
}

/** The subjects or grades of one type; idle until a type is chosen. */
export function useTypeEntries(type: string, list: 'subjects' | 'grades') {
  return useQuery({
    queryKey: ['reference', 'qualification-types', type, list],
    queryFn: ({ signal }) => api.get<ReferenceItem[]>(`/reference/qualification-types/${encodeURIComponent(type)}/${list}`, undefined, signal),
    enabled: type !== '',
    staleTime: HOUR,
  });
}

const catalogueKey = ['qualification-catalogue'] as const;

export function useCatalogue() {
  return useQuery({
    queryKey: catalogueKey,
    queryFn: ({ signal }) => api.get<{ items: CatalogueType[] }>('/qualification-catalogue', undefined, signal),
  });
}

/** Catalogue edits change the reference lists every form uses. */
function useInvalidateCatalogue() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: catalogueKey }), qc.invalidateQueries({ queryKey: ['reference', 'qualification-types'] })]);
}

export function useAddCatalogueEntry() {
  const invalidate = useInvalidateCatalogue();
  return useMutation({
    mutationFn: ({ kind, typeId, label }: { kind: CatalogueKind; typeId?: number; label: string }) =>
      api.post<CatalogueItem>(kind === 'types' ? '/qualification-catalogue/types' : `/qualification-catalogue/types/${typeId}/${kind}`, { label }),
    onSuccess: () => invalidate(),
  });
}

export function useChangeCatalogueEntry() {
  const invalidate = useInvalidateCatalogue();
  return useMutation({
    mutationFn: ({ kind, item, change }: { kind: CatalogueKind; item: CatalogueItem; change: { label?: string; retired?: boolean } }) =>
      api.patch<CatalogueItem>(`/qualification-catalogue/${kind}/${item.id}`, { ...change, version: item.version }),
    onSuccess: () => invalidate(),
  });
}
