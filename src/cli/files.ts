import fs from 'node:fs/promises';
import { CliError } from './context.js';

export async function readText(file: string | undefined, what: string): Promise<string> {
  if (!file) throw new CliError(`give the ${what} file`, 2);
  try {
    return await fs.readFile(file, 'utf8');
  } catch (err) {
    throw new CliError(
      `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
}

export async function readJson(file: string | undefined, what: string): Promise<unknown> {
  const text = await readText(file, what);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CliError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
}
