import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * Where uploads' bytes live, behind one interface (issue 15 "More than one server"): a folder by
 * default (UPLOAD_DIR), which every server process mounts, or later an object store. Nothing about
 * an upload is held in one process's memory: its row is in the database and its bytes here, so any
 * process serves what another received.
 *
 * Keys are relative, slash-separated and made by the server (`ab/ab12…`, the content's sha256); a
 * key that could leave the store (absolute, `..`, a backslash, a control character) throws.
 */
export interface UploadStorage {
  /** Stores the bytes under the key; the key then reads them back whole. Idempotent for the same bytes. */
  put(key: string, bytes: Buffer): Promise<void>;
  /** The bytes as a stream, or undefined when the key holds nothing. */
  get(key: string): Promise<Readable | undefined>;
  /** Removes the key (nothing when it holds nothing). */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Every stored key with when its bytes were last written (for removing files no row references). */
  list(): AsyncIterable<{ key: string; modifiedAt: Date }>;
}

const KEY = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;

/** Throws unless the key is a relative path of plain segments (no `..`, no absolute path). */
export function assertStorageKey(key: string): void {
  if (!KEY.test(key) || key.split('/').some((s) => s === '.' || s === '..')) throw new Error(`bad storage key: ${JSON.stringify(key)}`);
}

/**
 * A folder on disk (shared by every server process: a local disk for one, NFS or a mounted volume for
 * several). Writes go to a unique temporary name and are renamed into place, so a reader in another
 * process sees either nothing or the whole file, and two processes writing the same key both succeed.
 */
export function folderStorage(dir: string): UploadStorage {
  const root = path.resolve(dir);
  const abs = (key: string) => {
    assertStorageKey(key);
    return path.join(root, ...key.split('/'));
  };
  const exists = async (key: string) => {
    try {
      return (await fs.promises.stat(abs(key))).isFile();
    } catch {
      return false;
    }
  };
  return {
    exists,
    async put(key, bytes) {
      const file = abs(key);
      if (await exists(key)) return;
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
      await fs.promises.writeFile(tmp, bytes);
      await fs.promises.rename(tmp, file);
    },
    async get(key) {
      const file = abs(key);
      try {
        const handle = await fs.promises.open(file, 'r');
        return handle.createReadStream();
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw e;
      }
    },
    async delete(key) {
      await fs.promises.rm(abs(key), { force: true });
    },
    async *list() {
      if (!fs.existsSync(root)) return;
      for (const entry of await fs.promises.readdir(root, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile()) continue;
        const file = path.join(entry.parentPath, entry.name);
        const key = path.relative(root, file).split(path.sep).join('/');
        try {
          yield { key, modifiedAt: (await fs.promises.stat(file)).mtime };
        } catch {
          // removed meanwhile (another process's cleanup): nothing to list
        }
      }
    },
  };
}
