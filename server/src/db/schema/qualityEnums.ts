import { pgEnum } from 'drizzle-orm/pg-core';
import { PRICING_FORMS, SELECTION_METHODS } from '@baotou/shared';

// Apart from quality.ts so that companies.ts (projects' pricing columns) can use them without an import cycle.
export const pricingForm = pgEnum('pricing_form', PRICING_FORMS);
export const selectionMethod = pgEnum('selection_method', SELECTION_METHODS);
