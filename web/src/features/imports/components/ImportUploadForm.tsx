// Manual 7.4 c–d and 9.3: choose the spreadsheet, then "Import"; `kind` says which import it is
// (learners, or learner qualifications) and so where the file goes. Whatever the server says is wrong with the
// file itself — not a type we read, too large, not a spreadsheet, damaged, or the same file already
// being imported — is shown beside the file field, which takes focus so it is read out.
import { useId, useRef, useState, type FormEvent } from 'react';
import { Button, Input, Stack } from '@mantine/core';
import { errorMessage, isApiError } from '@/lib/api-client';
import { SPREADSHEET_ACCEPT, useUploadImport, type DataImport, type ImportKind } from '../api';

/** The sentence shown beside the file field for a refused upload. */
export function uploadErrorMessage(e: unknown): string {
  if (isApiError(e)) return e.fieldErrors().file ?? errorMessage(e);
  return errorMessage(e);
}

const DESCRIPTIONS: Record<ImportKind, string> = {
  learner_import: 'The filled-in template: an Excel workbook (.xlsx or .xls) or a CSV file.',
  qualification_import: 'The export with the qualifications filled in: an Excel workbook (.xlsx or .xls) or a CSV file.',
};

export interface ImportUploadFormProps {
  /** which import: decides the endpoint the file is sent to */
  kind?: ImportKind;
  onQueued: (imp: DataImport) => void;
}

export function ImportUploadForm({ kind = 'learner_import', onQueued }: ImportUploadFormProps) {
  const upload = useUploadImport(kind);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = `import-file-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const errorId = `${id}-error`;
  const descriptionId = `${id}-description`;

  function fail(message: string) {
    setError(message);
    inputRef.current?.focus();
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!file) return fail('Choose the spreadsheet to import.');
    setError(null);
    try {
      const imp = await upload.mutateAsync(file);
      setFile(null);
      if (inputRef.current) inputRef.current.value = '';
      onQueued(imp);
    } catch (err) {
      fail(uploadErrorMessage(err));
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Import a spreadsheet">
      <Stack gap="sm" align="flex-start">
        <Input.Wrapper
          id={id}
          label="Spreadsheet to import"
          description={DESCRIPTIONS[kind]}
          error={error}
          errorProps={{ id: errorId }}
          descriptionProps={{ id: descriptionId }}
        >
          <input
            id={id}
            ref={inputRef}
            type="file"
            name="file"
            accept={SPREADSHEET_ACCEPT}
            className="lt-file-input"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${errorId} ${descriptionId}` : descriptionId}
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              setError(null);
            }}
          />
        </Input.Wrapper>
        <Button type="submit" loading={upload.isPending}>
          Import
        </Button>
      </Stack>
    </form>
  );
}
