// Manual 7.2–7.4: import learners from a spreadsheet. Download the blank template with the columns
// of 7.3, fill it in, then choose the file and "Import": the import runs as a background job whose
// progress shows here, then its outcome (the errors by row, or how many learners were imported).
// The import being followed is kept in the address (?import=id), so a reload keeps it in view.
// Below, every previous import with its status and outcome.
import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '@/components/PageTitle';
import { LEARNER_TEMPLATE_FILENAME, LEARNER_TEMPLATE_URL } from '../api';
import { ImportFileStep, PreviousImports } from '../components/ImportSteps';

export function ImportLearnersPage() {
  const [params, setParams] = useSearchParams();
  const importId = Number(params.get('import')) || 0;

  return (
    <Stack maw={1100}>
      <Anchor component={Link} to="/learners" size="sm">
        ← All learners
      </Anchor>
      <PageTitle description="Add many learners at once from a spreadsheet. Usernames and passwords are generated for them.">Import learners</PageTitle>
      <Paper withBorder p="md" maw={900}>
        <Stack gap="sm">
          <Title order={2} size="h3">
            Fill in the template
          </Title>
          <Text>
            <Anchor href={LEARNER_TEMPLATE_URL} download={LEARNER_TEMPLATE_FILENAME}>
              Download the import template
            </Anchor>{' '}
            (Excel workbook). Its Instructions sheet explains every column.
          </Text>
          <List size="sm" spacing={4}>
            <List.Item>Put one learner on each row. Keep the heading row as it is.</List.Item>
            <List.Item>Columns marked * are mandatory: UKPRN, learner year group, first name, last name, postcode and date of birth.</List.Item>
            <List.Item>Type dates as YYYY-MM-DD, and choose the year group, gender and ethnicity from the drop-down lists.</List.Item>
            <List.Item>Save the file as an Excel workbook (.xlsx), Excel 97–2003 (.xls) or CSV UTF-8.</List.Item>
          </List>
        </Stack>
      </Paper>
      <Paper withBorder p="md" maw={900}>
        <Stack gap="md">
          <Title order={2} size="h3">
            Import the spreadsheet
          </Title>
          <ImportFileStep kind="learner_import" importId={importId} onQueued={(id) => setParams({ import: String(id) }, { replace: true })} />
        </Stack>
      </Paper>
      <PreviousImports kind="learner_import" />
    </Stack>
  );
}
