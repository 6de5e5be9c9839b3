// Writes rows to an .xlsx file and offers it as a download. The library is loaded on first use so
// it stays out of the main bundle.
type Cell = string | number | boolean | null;

export async function exportToExcel(rows: Cell[][], fileName: string): Promise<void> {
  const { default: writeExcelFile } = await import('write-excel-file/universal');
  const blob = await writeExcelFile(rows).toBlob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
