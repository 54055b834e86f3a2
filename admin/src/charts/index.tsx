import { Box, CircularProgress } from '@mui/material';
import { lazy, Suspense } from 'react';
import type { DistrictBarsProps, TrendLineProps } from './types';

export type { DistrictBar, DistrictBarsProps, TrendLineProps, TrendPoint } from './types';

// @mui/x-charts is ~100 KB gzip: the charts load only when a page shows one, so the console's
// initial JavaScript stays within its budget (admin/scripts/size.mjs).
const DistrictBarsChart = lazy(() => import('./DistrictBarsChart'));
const TrendLineChart = lazy(() => import('./TrendLineChart'));

const Loading = ({ height }: { height: number }) => (
  <Box sx={{ height, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
    <CircularProgress size={24} />
  </Box>
);

/** Bars by region (one bar per row, in the given order) against an optional target line. */
export const DistrictBars = (props: DistrictBarsProps) => (
  <Box data-testid="district-bars">
    <Suspense fallback={<Loading height={props.height ?? 300} />}>
      <DistrictBarsChart {...props} />
    </Suspense>
  </Box>
);

/** A value per year as a line. */
export const TrendLine = (props: TrendLineProps) => (
  <Box data-testid="trend-line">
    <Suspense fallback={<Loading height={props.height ?? 300} />}>
      <TrendLineChart {...props} />
    </Suspense>
  </Box>
);
