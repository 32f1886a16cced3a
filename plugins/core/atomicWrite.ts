/**
 * The one way a cache or a published file is written: to a temporary file beside it, then renamed
 * over it. A build killed half-way, or a server reading while we write, never sees half a file. The
 * temporary name is unique per write (process and a random id), so two writers of the same file
 * (two builds sharing a cache, two equal entries stored at once) never write into each other's.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * @param write fills the temporary file; given a path so that large values can be streamed into it.
 */
export async function writeAtomic(file: string, content: string | Buffer | ((temporary: string) => Promise<void>)): Promise<void> {
  await fs.mkdir(path.dirname(file), {recursive: true});
  const temporary = `${file}.${process.pid}.${crypto.randomUUID()}.tmp`;
  try {
    if (typeof content === 'function') await content(temporary);
    else await fs.writeFile(temporary, content);
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, {force: true});
    throw error;
  }
}
