import type ExcelJSModule from 'exceljs';

/**
 * exceljs, loaded on its first use instead of at start-up: importing it is about a third of a second of
 * a later start on the embedded database (a --cpu-prof of `npm start`), and no workbook is built before
 * the server answers. Resolves to the module (what `import ExcelJS from 'exceljs'` gives).
 */
export async function loadExcel(): Promise<typeof ExcelJSModule> {
  const m = (await import('exceljs')) as typeof ExcelJSModule & { default?: typeof ExcelJSModule };
  return m.default ?? m;
}
