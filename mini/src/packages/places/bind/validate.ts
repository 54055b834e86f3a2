import { schemaFieldErrors } from '@baotou/shared/src/http/errors';
import { claimCreateSchema } from '@baotou/shared/src/places/schemas';

export interface OwnerInput {
  name: string;
  phone: string;
}

const ownerSchema = claimCreateSchema.pick({ name: true, phone: true });

/** Field → Chinese message; empty when the input can be submitted: the API's own claim schema (@baotou/shared). */
export function validateOwner({ name, phone }: OwnerInput): Partial<Record<keyof OwnerInput, string>> {
  return schemaFieldErrors(ownerSchema, { name, phone });
}
