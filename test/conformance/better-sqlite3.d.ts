// The few better-sqlite3 APIs the conformance harness and the measurement use (the package ships no types).
declare module 'better-sqlite3' {
  namespace Database {
    interface Statement {
      run(...params: unknown[]): unknown;
      all(...params: unknown[]): unknown[];
      iterate(...params: unknown[]): IterableIterator<unknown>;
      raw(raw?: boolean): Statement;
    }
    interface Database {
      exec(sql: string): Database;
      prepare(sql: string): Statement;
      function(name: string, options: { deterministic?: boolean }, fn: (...args: never[]) => unknown): Database;
      transaction<T extends (...args: never[]) => unknown>(fn: T): T;
      close(): void;
    }
  }
  const Database: new (filename: string) => Database.Database;
  export default Database;
}
