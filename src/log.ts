import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured logs to stderr (stdout belongs to the CLI's own output), or to `destination`. */
export function createLogger(
  level: string,
  base: Record<string, unknown> = {},
  destination: pino.DestinationStream = pino.destination(2),
): Logger {
  return pino({ level, base: { ...base }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}

export const silentLogger: Logger = pino({ level: 'silent' });
