// The parts every import page shares: the note on how an import goes, the upload, the live outcome
// of the import just started, and the "Previous imports" of the same kind.
import { Stack, Text, Title } from '@mantine/core';
import type { ImportKind } from '../api';
import { ImportHistory } from './ImportHistory';
import { ImportOutcome } from './ImportOutcome';
import { ImportUploadForm } from './ImportUploadForm';

interface ImportFileStepProps {
  kind: ImportKind;
  /** The import being followed (0: none yet). */
  importId: number;
  onQueued: (id: number) => void;
}

export function ImportFileStep({ kind, importId, onQueued }: ImportFileStepProps) {
  return (
    <>
      <Text size="sm">
        The file is checked first: if any row has a problem, nothing is imported and the errors are listed by row, so you can correct the spreadsheet and import it
        again. The import carries on if you leave this page; its outcome is kept under Previous imports.
      </Text>
      <ImportUploadForm kind={kind} onQueued={(imp) => onQueued(imp.id)} />
      {importId > 0 && <ImportOutcome key={importId} importId={importId} />}
    </>
  );
}

export function PreviousImports({ kind }: { kind: ImportKind }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby="previous-imports-heading">
      <Title order={2} size="h3" id="previous-imports-heading">
        Previous imports
      </Title>
      <ImportHistory kind={kind} />
    </Stack>
  );
}
