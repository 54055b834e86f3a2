import { removePgliteOriginals } from './pglite';

export default async function globalTeardown(): Promise<void> {
  removePgliteOriginals();
}
