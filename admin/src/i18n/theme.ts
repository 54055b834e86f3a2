import { deepmerge } from '@mui/utils';
import { zhCN } from '@mui/material/locale';
import { defaultTheme, type RaThemeOptions } from 'react-admin';

/**
 * react-admin's default theme with Material UI's Simplified Chinese component texts, so a plain
 * MUI component (a TablePagination's "1–25 of 44", an Autocomplete's "No options") reads Chinese
 * too, not only react-admin's own (issue 16 §3).
 */
export const theme: RaThemeOptions = deepmerge(defaultTheme, zhCN);
