/**
 * The logging this library needs: Nest's LoggerService and the services' JsonLogger fit it. Entries are
 * plain objects (`{ msg, ...fields }`) so a JSON logger writes them as one line each.
 */
export interface MessagingLogger {
  log(message: unknown, ...rest: unknown[]): void;
  warn(message: unknown, ...rest: unknown[]): void;
  error(message: unknown, ...rest: unknown[]): void;
}

function write(level: string, message: unknown): void {
  const fields = typeof message === 'object' && message !== null ? message : { msg: String(message) };
  const line = JSON.stringify({ time: new Date().toISOString(), level, component: 'messaging', ...fields });
  (level === 'info' ? process.stdout : process.stderr).write(line + '\n');
}

/** Default when the caller passes no logger: one JSON object per line. */
export const consoleJsonLogger: MessagingLogger = {
  log: (message) => write('info', message),
  warn: (message) => write('warn', message),
  error: (message) => write('error', message),
};

/** Fields that describe an error in a log entry without dumping the object graph. */
export function errorFields(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  const code = (error as { code?: unknown }).code;
  return { error: error.message, errorName: error.name, ...(typeof code === 'string' ? { errorCode: code } : {}) };
}
