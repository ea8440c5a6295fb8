/** The database name in a postgres:// URL. */
export function databaseNameOf(url: string): string {
  const name = new URL(url).pathname.replace(/^\//, '');
  if (!name) throw new Error(`no database name in ${redact(url)}`);
  return decodeURIComponent(name);
}

/** Tests clean tables; this guard refuses to run them against a database whose name lacks `test`. */
export function assertTestDatabase(url: string): void {
  const name = databaseNameOf(url);
  if (!name.toLowerCase().includes('test')) {
    throw new Error(`refusing to run tests against database "${name}": its name must contain "test"`);
  }
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
