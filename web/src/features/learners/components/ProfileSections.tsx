// A learner's profile as tabs, one per section (manual 5.2 e): key information, additional
// information, qualifications and reference, each tab saying whether it is complete. Used on the
// manager's learner page and on the learner's own profile page.
import type { ReactNode } from 'react';
import { Tabs } from '@mantine/core';
import type { Learner } from '@/lib/types';
import { SECTIONS, sectionState } from '../status';
import type { ProfileOwner } from '../profile-api';
import { DetailsSection } from './DetailsSection';

export interface ProfileSectionsProps {
  learner: Learner;
  owner: ProfileOwner;
  canEdit: boolean;
  onReload: () => Promise<unknown>;
  qualifications: ReactNode;
  reference: ReactNode;
}

export function ProfileSections({ learner, owner, canEdit, onReload, qualifications, reference }: ProfileSectionsProps) {
  const manager = owner.kind === 'manager';
  const panels: Record<(typeof SECTIONS)[number]['key'], ReactNode> = {
    key_information: (
      <DetailsSection learner={learner} owner={owner} section="key_information" parts={manager ? ['key', 'profile'] : ['key']} canEdit={canEdit} onReload={onReload} key={`k${learner.version}`} />
    ),
    additional_information: (
      <DetailsSection learner={learner} owner={owner} section="additional_information" parts={['additional']} canEdit={canEdit} onReload={onReload} key={`a${learner.version}`} />
    ),
    qualifications,
    reference,
  };
  return (
    <Tabs defaultValue="key_information" keepMounted={false}>
      <Tabs.List aria-label="Profile sections">
        {SECTIONS.map((s) => {
          const state = sectionState(learner.sections[s.key]);
          return (
            <Tabs.Tab key={s.key} value={s.key} aria-label={`${s.label}: ${state.label}`}>
              {s.label} {learner.sections[s.key] === 'complete' ? '✓' : ''}
            </Tabs.Tab>
          );
        })}
      </Tabs.List>
      {SECTIONS.map((s) => (
        <Tabs.Panel key={s.key} value={s.key} pt="md">
          {panels[s.key]}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
