/**
 * Files only the user who runs Saldo may read: the data folder is 0700 and every file in it 0600 on POSIX
 * (on Windows the per-user profile folder already keeps other users out, and modes mean little there).
 * Files that must never be left half-written (the secret key, providers.json) are written atomically:
 * a temporary file in the same folder, fsync, then rename (or link, when an existing file must win).
 */
import { chmodSync, closeSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { homedir, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const POSIX = process.platform !== 'win32';

/**
 * A folder other users share on purpose (/tmp, /dev/shm: sticky bit), the root or the home folder: a file's
 * folder may be one of these when a caller passes a bare path, and closing it would break the machine.
 */
function isSharedFolder(dir: string): boolean {
  const absolute = resolve(dir);
  if (absolute === resolve('/') || absolute === resolve(homedir()) || absolute === resolve(tmpdir())) return true;
  return (statSync(absolute).mode & 0o1000) !== 0;
}

/** Creates the folder (and its parents) and makes the folder itself 0700, also when it already existed. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (POSIX && !isSharedFolder(dir)) chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Makes an existing file 0600 (one an older version created readable by others); a missing file is fine. */
export function restrictFile(file: string): void {
  if (!POSIX) return;
  try {
    chmodSync(file, PRIVATE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Creates an empty 0600 file unless it exists, so whatever opens it next (SQLite) inherits a private file. */
export function touchPrivateFile(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  restrictFile(file);
}

function fsyncDir(dir: string): void {
  if (!POSIX) return; // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  const handle = openSync(dir, 'r');
  try {
    fsyncSync(handle);
  } finally {
    closeSync(handle);
  }
}

function writeTemporary(path: string, data: string | Uint8Array): string {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = openSync(temporary, 'wx', PRIVATE_FILE_MODE);
  try {
    writeFileSync(handle, data);
    fsyncSync(handle);
  } catch (error) {
    closeSync(handle);
    unlinkSync(temporary);
    throw error;
  }
  closeSync(handle);
  return temporary;
}

/**
 * Writes the whole file or nothing: a crash at any moment leaves either the old content or the new, never a
 * truncated file. `exclusive`: an existing file wins (two processes creating the same key keep the first)
 * and false is returned; otherwise the file is replaced and true returned.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, options: { exclusive?: boolean } = {}): boolean {
  ensurePrivateDir(dirname(path));
  const temporary = writeTemporary(path, data);
  let written = true;
  try {
    if (options.exclusive) {
      try {
        linkSync(temporary, path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        written = false;
      }
      unlinkSync(temporary);
    } else {
      renameSync(temporary, path);
    }
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // renamed or never there
    }
    throw error;
  }
  fsyncDir(dirname(path));
  return written;
}
