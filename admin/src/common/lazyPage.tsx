import { LinearProgress } from '@mui/material';
import { lazy, Suspense, type ComponentType } from 'react';

/**
 * A page loaded only when opened, so the console's initial JavaScript stays within its budget
 * (admin/scripts/size.mjs): pages used by few people, a few times a year (renewal, quality) load when opened.
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

type PagePart = 'list' | 'show' | 'edit' | 'create';

/**
 * A resource's pages loaded only when one is opened: `load` imports the module holding them, `parts`
 * names those it has (react-admin must know synchronously which exist, e.g. to offer 新建).
 */
export function lazyPages<K extends PagePart>(load: () => Promise<Partial<Record<PagePart, ComponentType>>>, parts: readonly K[]): Record<K, ComponentType> {
  return Object.fromEntries(parts.map((part) => [part, lazyPage(() => load().then((m) => m[part]!))])) as Record<K, ComponentType>;
}
