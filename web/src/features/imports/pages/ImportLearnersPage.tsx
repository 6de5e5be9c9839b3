// Manual 7.2–7.4: import learners from a spreadsheet. For now the first step: download the blank
// template with the columns of 7.3, fill it in and save it; uploading and the import history follow.
import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { PageTitle } from '@/components/PageTitle';
import { LEARNER_TEMPLATE_FILENAME, LEARNER_TEMPLATE_URL } from '../api';

export function ImportLearnersPage() {
  return (
    <Stack maw={900}>
      <Anchor component={Link} to="/learners" size="sm">
        ← All learners
      </Anchor>
      <PageTitle description="Add many learners at once from a spreadsheet. Usernames and passwords are generated for them.">Import learners</PageTitle>
      <Paper withBorder p="md">
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
    </Stack>
  );
}
