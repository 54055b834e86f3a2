import { LinearProgress } from '@mui/material';
import { lazy, Suspense, type ComponentType } from 'react';

/**
 * A page loaded only when opened, so the console's initial JavaScript stays within its budget
 * (admin/scripts/size.mjs): the renewal survey pages are used by few people, a few times a year.
 */
export function lazyPage(load: () => Promise<ComponentType>): ComponentType {
  const Page = lazy(async () => ({ default: await load() }));
  const Lazy = (props: Record<string, unknown>) => (
    <Suspense fallback={<LinearProgress sx={{ mt: 2 }} />}>
      <Page {...props} />
    </Suspense>
  );
  return Lazy;
}
