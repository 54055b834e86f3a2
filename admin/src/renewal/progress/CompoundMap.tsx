import { Box, CircularProgress } from '@mui/material';
import { lazy, Suspense } from 'react';

export type MapPoint = { id: number; name: string; lat: number; lng: number };
export type MapGroup = { key: string; label: string; colour: string; points: MapPoint[] };
export type CompoundMapProps = { groups: MapGroup[]; height?: number };

// @mui/x-charts loads only with the page that shows it (the console's initial bundle budget).
const CompoundMapChart = lazy(() => import('./CompoundMapChart'));

/** Old compounds on a longitude/latitude plane, coloured by classification. */
export const CompoundMap = (props: CompoundMapProps) => (
  <Box data-testid="renewal-map">
    <Suspense
      fallback={
        <Box sx={{ height: props.height ?? 420, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          <CircularProgress size={24} />
        </Box>
      }
    >
      <CompoundMapChart {...props} />
    </Suspense>
  </Box>
);
