/**
 * The igsql command line. `main(argv)` returns the exit code; bin/igsql.js calls it.
 */
export async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--version')) {
    process.stdout.write('igsql 0.1.0\n');
    return 0;
  }
  process.stderr.write('igsql: not implemented yet\n');
  return 1;
}
