// Mantine's PasswordInput leaves its inner input without aria-invalid and without a link to the
// error and hint texts; this puts them back so screen readers announce field errors.
import { useId } from 'react';
import { PasswordInput, type PasswordInputProps } from '@mantine/core';

export function PasswordField(props: PasswordInputProps) {
  const autoId = useId();
  const id = props.id ?? `pw${autoId.replace(/:/g, '')}`;
  const describedBy = [props.error ? `${id}-error` : null, props.description ? `${id}-description` : null].filter(Boolean).join(' ') || undefined;
  return <PasswordInput {...props} id={id} aria-invalid={props.error ? true : undefined} aria-describedby={describedBy} />;
}
