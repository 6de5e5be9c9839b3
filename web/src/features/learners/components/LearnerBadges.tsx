// A learner's state at a glance: profile sections, approval, locked. Colour is never the only
// signal: each badge says its state in words (a tick or circle for sections, spelt out to readers).
import { Badge, Group, VisuallyHidden } from '@mantine/core';
import type { Learner } from '@/lib/types';
import { approvalState, SECTIONS, sectionState } from '../status';

export function SectionBadges({ sections, long = false }: { sections: Learner['sections']; long?: boolean }) {
  return (
    <Group gap={4} wrap="wrap" w={long ? undefined : 220}>
      {SECTIONS.map((s) => {
        const state = sectionState(sections?.[s.key]);
        const done = sections?.[s.key] === 'complete';
        return (
          <Badge key={s.key} size={long ? 'md' : 'sm'} color={state.tone} variant={done ? 'filled' : 'outline'} tt="none" miw="max-content" title={`${s.label}: ${state.label}`}>
            <span aria-hidden>{done ? '✓ ' : '○ '}</span>
            {long ? s.label : s.short}
            {long ? `: ${state.label}` : <VisuallyHidden>: {state.label}</VisuallyHidden>}
          </Badge>
        );
      })}
    </Group>
  );
}

export function ApprovalBadge({ approval }: { approval: string }) {
  const a = approvalState(approval);
  return (
    <Badge size="sm" color={a.tone} variant={approval === 'approved' ? 'filled' : 'outline'} tt="none" miw="max-content">
      {a.label}
    </Badge>
  );
}

export function LockedBadge({ locked }: { locked: boolean }) {
  if (!locked) return null;
  return (
    <Badge size="sm" color="red" variant="filled" tt="none" miw="max-content">
      Locked
    </Badge>
  );
}
