import fs from 'node:fs/promises';
import { CliError, type CliIo, resolvePath } from './context.js';

export async function readBytes(io: CliIo, file: string): Promise<Buffer> {
  try {
    return await fs.readFile(resolvePath(io, file));
  } catch (err) {
    throw new CliError(
      `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
}

export async function readText(io: CliIo, file: string | undefined, what: string): Promise<string> {
  if (!file) throw new CliError(`give the ${what} file`, 2);
  return (await readBytes(io, file)).toString('utf8');
}

export async function readJson(io: CliIo, file: string | undefined, what: string): Promise<unknown> {
  const text = await readText(io, file, what);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CliError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
}
