import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured logs to stderr (stdout belongs to the CLI's own output). */
export function createLogger(level: string, base: Record<string, unknown> = {}): Logger {
  return pino({ level, base: { ...base }, timestamp: pino.stdTimeFunctions.isoTime }, pino.destination(2));
}

export const silentLogger: Logger = pino({ level: 'silent' });
