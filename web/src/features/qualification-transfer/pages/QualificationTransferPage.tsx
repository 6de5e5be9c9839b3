// Manual 9: learner qualifications import/export. The Export tab (the default, as in the manual)
// makes a spreadsheet of a year group's learners with their current qualifications, as a job whose
// progress shows here and whose file is then downloaded; the Import tab takes the edited
// spreadsheet back (the learner import's upload, progress and outcome, with kind
// "qualification_import"). The tab and the export or import being followed are kept in the address
// (?tab=import, ?export=id, ?import=id), so a reload keeps them in view.
import { Anchor, List, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '@/components/PageTitle';
import { ImportFileStep, PreviousImports } from '@/features/imports/components/ImportSteps';
import { ExportForm } from '../components/ExportForm';
import { ExportHistory } from '../components/ExportHistory';
import { ExportOutcome } from '../components/ExportOutcome';

export const PAGE_TITLE = 'Learner qualifications import/export';
type Tab = 'export' | 'import';

function ExportPanel({ exportId, onQueued }: { exportId: number; onQueued: (id: number) => void }) {
  return (
    <Stack>
      <Paper withBorder p="md" maw={900}>
        <Stack gap="md">
          <Title order={2} size="h3">
            Export learners
          </Title>
          <Text size="sm">
            Choose the year group whose qualifications you want to add. The spreadsheet lists its learners whose qualifications are added by their managers (their
            provider, or they themselves, are set so that learners cannot add qualifications), with the qualifications they have now.
          </Text>
          <ExportForm onQueued={(job) => onQueued(job.id)} />
          {exportId > 0 && <ExportOutcome key={exportId} jobId={exportId} />}
        </Stack>
      </Paper>
      <Stack gap="xs" component="section" aria-labelledby="previous-exports-heading">
        <Title order={2} size="h3" id="previous-exports-heading">
          Previous exports
        </Title>
        <ExportHistory />
      </Stack>
    </Stack>
  );
}

function ImportPanel({ importId, onQueued }: { importId: number; onQueued: (id: number) => void }) {
  return (
    <Stack>
      <Paper withBorder p="md" maw={900}>
        <Stack gap="md">
          <Title order={2} size="h3">
            Import qualifications
          </Title>
          <List size="sm" spacing={4}>
            <List.Item>Start from an export: it has a row for each learner, with the qualifications they have now.</List.Item>
            <List.Item>
              Do not change the columns that identify the learner: Account ID, UPN, ULN, forename, surname, date of birth, current provider and current area.
            </List.Item>
            <List.Item>
              Give each learner up to 18 qualifications, each with a type, a subject and at least a predicted or an actual grade, chosen from the Qualification types,
              Subjects and Grades sheets. Type the completion date as YYYY-MM.
            </List.Item>
            <List.Item>Each learner in the file is given exactly the qualifications listed for them: ones left out are removed.</List.Item>
            <List.Item>Save the file as an Excel workbook (.xlsx), Excel 97–2003 (.xls) or CSV UTF-8.</List.Item>
          </List>
          <ImportFileStep kind="qualification_import" importId={importId} onQueued={onQueued} />
        </Stack>
      </Paper>
      <PreviousImports kind="qualification_import" />
    </Stack>
  );
}

export function QualificationTransferPage() {
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'import' ? 'import' : 'export';
  const exportId = Number(params.get('export')) || 0;
  const importId = Number(params.get('import')) || 0;
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  return (
    <Stack maw={1100}>
      <Anchor component={Link} to="/learners" size="sm">
        ← All learners
      </Anchor>
      <PageTitle description="Export a year group's learners to a spreadsheet, add their qualifications to it, then import it.">{PAGE_TITLE}</PageTitle>
      <Tabs value={tab} onChange={(v) => update({ tab: v === 'import' ? 'import' : null })} keepMounted={false}>
        <Tabs.List aria-label="Export or import">
          <Tabs.Tab value="export">Export</Tabs.Tab>
          <Tabs.Tab value="import">Import</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="export" pt="md">
          <ExportPanel exportId={exportId} onQueued={(id) => update({ export: String(id) })} />
        </Tabs.Panel>
        <Tabs.Panel value="import" pt="md">
          <ImportPanel importId={importId} onQueued={(id) => update({ import: String(id) })} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
