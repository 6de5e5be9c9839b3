// Edits a user's role assignments: which role, at which scope (the whole organisation, a provider,
// a group or an employer). The scope types offered are the chosen role's own.
import { ActionIcon, Button, Fieldset, Group, NativeSelect, NumberInput, Stack, Text } from '@mantine/core';
import type { Provider, Role, RoleAssignment, ScopeType } from '@/lib/types';

export const SCOPE_LABELS: Record<ScopeType, string> = {
  tenant: 'Whole organisation',
  provider: 'Provider',
  group: 'Group',
  employer: 'Employer',
};

export function describeAssignment(a: RoleAssignment, roles: Role[] | undefined, providers: Provider[] | undefined): string {
  const role = roles?.find((r) => r.name === a.role)?.label ?? a.role;
  if (a.scope_type === 'tenant') return `${role} — ${SCOPE_LABELS.tenant}`;
  if (a.scope_type === 'provider') {
    const p = providers?.find((x) => x.id === a.scope_id);
    return `${role} — ${p ? `${p.name} (${p.ukprn})` : `provider ${a.scope_id}`}`;
  }
  return `${role} — ${SCOPE_LABELS[a.scope_type]} ${a.scope_id ?? ''}`.trim();
}

/** Problems with assignments the server would refuse anyway, said earlier and more plainly. */
export function assignmentErrors(list: RoleAssignment[]): (string | null)[] {
  return list.map((a) => {
    if (!a.role) return 'Choose a role';
    if (a.scope_type !== 'tenant' && !a.scope_id) return a.scope_type === 'provider' ? 'Choose a provider' : `Enter the ${a.scope_type} number`;
    return null;
  });
}

interface Props {
  value: RoleAssignment[];
  onChange: (v: RoleAssignment[]) => void;
  roles: Role[];
  providers: Provider[];
  errors?: (string | null)[];
}

export function RoleAssignmentsEditor({ value, onChange, roles, providers, errors = [] }: Props) {
  const set = (i: number, patch: Partial<RoleAssignment>) => onChange(value.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const add = () => {
    const first = roles[0];
    onChange([...value, { role: first?.name ?? '', scope_type: first?.scope_types[0] ?? 'tenant', scope_id: null }]);
  };

  return (
    <Fieldset legend="Roles">
      <Stack gap="sm">
        {value.length === 0 && <Text size="sm">No roles yet. A user without a role can sign in but cannot see or do anything else.</Text>}
        {value.map((a, i) => {
          const role = roles.find((r) => r.name === a.role);
          const scopeTypes = role?.scope_types ?? ['tenant'];
          const n = i + 1;
          return (
            <Group key={i} align="flex-end" wrap="wrap" gap="sm" role="group" aria-label={`Role ${n}`}>
              <NativeSelect
                label={`Role ${n}`}
                data={[{ value: '', label: 'Choose a role' }, ...roles.map((r) => ({ value: r.name, label: r.label }))]}
                value={a.role}
                error={errors[i] && !a.role ? errors[i] : undefined}
                onChange={(e) => {
                  const r = roles.find((x) => x.name === e.currentTarget.value);
                  const st = r && !r.scope_types.includes(a.scope_type) ? r.scope_types[0] : a.scope_type;
                  set(i, { role: e.currentTarget.value, scope_type: st, scope_id: st === a.scope_type ? a.scope_id : null });
                }}
              />
              <NativeSelect
                label={`Scope of role ${n}`}
                data={scopeTypes.map((s) => ({ value: s, label: SCOPE_LABELS[s] ?? s }))}
                value={a.scope_type}
                onChange={(e) => set(i, { scope_type: e.currentTarget.value as ScopeType, scope_id: null })}
              />
              {a.scope_type === 'provider' && (
                <NativeSelect
                  label={`Provider for role ${n}`}
                  data={[{ value: '', label: providers.length ? 'Choose a provider' : 'No providers yet' }, ...providers.map((p) => ({ value: String(p.id), label: `${p.name} (${p.ukprn})` }))]}
                  value={a.scope_id ? String(a.scope_id) : ''}
                  error={errors[i] && a.role ? errors[i] : undefined}
                  onChange={(e) => set(i, { scope_id: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
                />
              )}
              {(a.scope_type === 'group' || a.scope_type === 'employer') && (
                <NumberInput
                  label={`${SCOPE_LABELS[a.scope_type]} number for role ${n}`}
                  min={1}
                  allowDecimal={false}
                  value={a.scope_id ?? ''}
                  error={errors[i] && a.role ? errors[i] : undefined}
                  onChange={(v) => set(i, { scope_id: typeof v === 'number' ? v : null })}
                />
              )}
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={`Remove role ${n}`}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
              >
                ✕
              </ActionIcon>
            </Group>
          );
        })}
        <div>
          <Button variant="default" size="sm" onClick={add} disabled={roles.length === 0}>
            Add role
          </Button>
        </div>
      </Stack>
    </Fieldset>
  );
}

/** Server field errors such as `roles[0].scope_id`, per assignment, for showing beside the row. */
export function roleErrorsFromProblem(e: unknown, count: number): (string | null)[] {
  const out: (string | null)[] = Array.from({ length: count }, () => null);
  const errors = (e as { problem?: { errors?: { field: string; message: string }[] } })?.problem?.errors ?? [];
  for (const err of errors) {
    const m = /^roles\[(\d+)\]/.exec(err.field ?? '');
    if (m && Number(m[1]) < count && !out[Number(m[1])]) out[Number(m[1])] = err.message;
  }
  return out;
}
