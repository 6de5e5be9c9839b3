// The one list screen: a declaration of columns over a server list endpoint. Paging (cursor +
// limit), optional sorting and filters are server-side; "Export to Excel" walks all pages (up to
// 10,000 rows) in the browser, unless the list has server-made downloads to offer instead.
import { Fragment, useEffect, useMemo, useState, type ReactNode } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Box, Button, Group, Loader, NativeSelect, Paper, ScrollArea, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { errorMessage, type Query } from '@/lib/api-client';
import type { CursorPage } from '@/lib/types';
import { DEFAULT_LIMIT, PAGE_SIZES, initialPaging, listParams, nextPage, pageNumber, totalLabel, previousPage, shownRange, toggleSort, withLimit, type PagingState } from './paging';
import { exportToExcel } from './excel';

export interface Column<T> {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  /** value written to the spreadsheet; omitted columns are not exported */
  exportValue?: (row: T) => string | number | boolean | null;
  /** server sort key; makes the header a sort button */
  sortKey?: string;
}

export interface DataTableProps<T> {
  /** accessible name of the table, also the default export file name */
  label: string;
  queryKey: readonly unknown[];
  /** a page of the list; without `total` the table says only which rows it shows */
  fetchPage: (params: Query, signal?: AbortSignal) => Promise<CursorPage<T>>;
  filters?: Query;
  columns: Column<T>[];
  rowKey: (row: T) => string | number;
  empty: ReactNode;
  toolbar?: ReactNode;
  exportFileName?: string;
  /** links to files the server makes of the whole list (no row limit); they replace "Export to Excel" */
  downloads?: ReactNode;
  limit?: number;
  /** optional expandable detail under a row */
  renderExpanded?: (row: T) => ReactNode;
  expandLabel?: (row: T, open: boolean) => string;
  /** told the rows on show whenever they change (e.g. for "select all on this page") */
  onItems?: (rows: T[]) => void;
}

const EXPORT_MAX_ROWS = 10000;

export function DataTable<T>(props: DataTableProps<T>) {
  const { label, queryKey, fetchPage, filters = {}, columns, rowKey, empty, toolbar, renderExpanded, expandLabel } = props;
  const [paging, setPaging] = useState<PagingState>(() => initialPaging(props.limit ?? DEFAULT_LIMIT));
  const [expanded, setExpanded] = useState<Set<string | number>>(new Set());
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const filtersKey = JSON.stringify(filters);

  // New filters start again from the first page.
  useEffect(() => {
    setPaging((p) => ({ ...p, cursors: [null] }));
  }, [filtersKey]);

  // filtersKey stands for filters: a new object each render with the same content must not refetch.
  const params = useMemo(() => listParams(filters, paging), [filtersKey, paging]);
  const query = useQuery({
    queryKey: [...queryKey, params],
    queryFn: ({ signal }) => fetchPage(params, signal),
    placeholderData: keepPreviousData,
  });

  const items = query.data?.items ?? [];
  const { onItems } = props;
  useEffect(() => {
    onItems?.(query.data?.items ?? []);
  }, [query.data, onItems]);
  const range = shownRange(paging, items.length);
  const knownTotal = query.data?.total;
  const total = knownTotal ?? 0;
  const totalText = totalLabel(total, query.data?.total_capped);
  const hasNext = !!query.data?.next_cursor;

  async function doExport() {
    setExporting(true);
    setExportError(null);
    try {
      const rows: T[] = [];
      let cursor: string | null = null;
      do {
        const page: CursorPage<T> = await fetchPage({ ...listParams(filters, { ...paging, limit: 500, cursors: [null] }), ...(cursor ? { cursor } : {}) });
        rows.push(...page.items);
        cursor = page.next_cursor;
      } while (cursor && rows.length < EXPORT_MAX_ROWS);
      const exported = columns.filter((c) => c.exportValue);
      await exportToExcel(
        [exported.map((c) => c.header), ...rows.map((r) => exported.map((c) => c.exportValue!(r)))],
        `${props.exportFileName ?? label}.xlsx`,
      );
    } catch (e) {
      setExportError(errorMessage(e));
    } finally {
      setExporting(false);
    }
  }

  const canExport = columns.some((c) => c.exportValue);
  const colCount = columns.length + (renderExpanded ? 1 : 0);

  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
        <Group align="flex-end" wrap="wrap">{toolbar}</Group>
        {props.downloads ??
          (canExport && (
            <Button variant="default" onClick={doExport} loading={exporting} disabled={total === 0 && items.length === 0}>
              Export to Excel
            </Button>
          ))}
      </Group>
      {exportError && (
        <Alert color="red" role="alert" mb="sm">
          Export failed: {exportError}
        </Alert>
      )}
      {query.isError && (
        <Alert color="red" role="alert" mb="sm" title="The list could not be loaded">
          {errorMessage(query.error)}
        </Alert>
      )}
      <ScrollArea type="auto">
        <Table striped highlightOnHover verticalSpacing="xs" aria-label={label} aria-busy={query.isFetching}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th
                  key={c.key}
                  scope="col"
                  aria-sort={c.sortKey && paging.sort?.key === c.sortKey ? (paging.sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  {c.sortKey ? (
                    <UnstyledButton onClick={() => setPaging((p) => toggleSort(p, c.sortKey!))} fw={700} fz="sm">
                      {c.header}
                      {paging.sort?.key === c.sortKey ? (paging.sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                      <VisuallyHidden> (sort)</VisuallyHidden>
                    </UnstyledButton>
                  ) : (
                    c.header
                  )}
                </Table.Th>
              ))}
              {renderExpanded && (
                <Table.Th scope="col">
                  <VisuallyHidden>Details</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.isPending && (
              <Table.Tr>
                <Table.Td colSpan={colCount}>
                  <Group gap="xs">
                    <Loader size="sm" aria-hidden /> <Text size="sm">Loading…</Text>
                  </Group>
                </Table.Td>
              </Table.Tr>
            )}
            {!query.isPending && !query.isError && items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={colCount}>
                  <Box py="md">{empty}</Box>
                </Table.Td>
              </Table.Tr>
            )}
            {items.map((row) => {
              const key = rowKey(row);
              const open = expanded.has(key);
              return (
                <Fragment key={key}>
                  <Table.Tr>
                    {columns.map((c) => (
                      <Table.Td key={c.key}>{c.render(row)}</Table.Td>
                    ))}
                    {renderExpanded && (
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="subtle"
                          aria-expanded={open}
                          aria-controls={`row-detail-${key}`}
                          onClick={() =>
                            setExpanded((s) => {
                              const n = new Set(s);
                              if (n.has(key)) n.delete(key);
                              else n.add(key);
                              return n;
                            })
                          }
                        >
                          {expandLabel ? expandLabel(row, open) : open ? 'Hide' : 'Show'}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                  {renderExpanded && open && (
                    <Table.Tr id={`row-detail-${key}`}>
                      <Table.Td colSpan={colCount}>{renderExpanded(row)}</Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Group justify="space-between" mt="sm" wrap="wrap">
        <Text size="sm" aria-live="polite">
          {items.length > 0
            ? knownTotal === undefined
              ? `Showing ${range.from}–${range.to}`
              : `Showing ${range.from}–${range.to} of ${totalText}`
            : total > 0
              ? `${totalText} in total`
              : ''}
        </Text>
        <Group gap="xs" align="center">
          <NativeSelect
            label="Rows per page"
            size="xs"
            data={PAGE_SIZES.map(String)}
            value={String(paging.limit)}
            onChange={(e) => setPaging((p) => withLimit(p, Number(e.currentTarget.value)))}
          />
          <Button size="xs" variant="default" onClick={() => setPaging(previousPage)} disabled={pageNumber(paging) <= 1}>
            Previous page
          </Button>
          <Text size="sm">Page {pageNumber(paging)}</Text>
          <Button size="xs" variant="default" onClick={() => setPaging((p) => nextPage(p, query.data?.next_cursor))} disabled={!hasNext || query.isPlaceholderData}>
            Next page
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
