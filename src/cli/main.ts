/** The `nomen` command line. Each command lives in its own module; this file only assembles them. */
import { Command, CommanderError } from 'commander';
import { UserError, EXIT, databaseError, dbSpec } from './common.js';

// A reader that stops early (`nomen search 5 | head -1`) closes the pipe: the output is no longer
// wanted, so the run ends quietly with code 0 instead of an EPIPE stack trace.
const closedPipe = (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') process.exit(EXIT.ok);
  throw e;
};
process.stdout.on('error', closedPipe);
process.stderr.on('error', closedPipe);

/**
 * Each command's module, imported on demand: a command loads only its own module (and what it
 * imports), not every other command's. Help, a version or an unknown command register them all.
 */
const MODULES: Record<string, () => Promise<(program: Command) => void>> = {
  ingest: async () => (await import('./ingest.js')).registerIngest,
  codes: async () => (await import('./codes.js')).registerCodeCommands,
  check: async () => (await import('./check.js')).registerCheck,
  conventions: async () => (await import('./conventions.js')).registerConventionCommands,
  serve: async () => (await import('./serve.js')).registerServe,
  impact: async () => {
    const { registerImpact, registerReplay } = await import('./impact.js');
    return (program) => { registerImpact(program); registerReplay(program); };
  },
};
const MODULE_OF: Record<string, string> = {
  ingest: 'ingest', documents: 'ingest', show: 'codes', history: 'codes', search: 'codes',
  check: 'check', rules: 'check', serve: 'serve', diff: 'impact', replay: 'impact',
};

const program = new Command()
  .name('nomen')
  .description('The Belgian nomenclature of health services (INAMI/RIZIV) as executable law:\nthe state of every code on any date, its fee, its rules, and the act behind each.')
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride();

const named = process.argv[2];
const only = named !== undefined && Object.hasOwn(MODULE_OF, named) ? [MODULE_OF[named]] : Object.keys(MODULES);
for (const register of await Promise.all(only.map((m) => MODULES[m]()))) register(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // --help and --version end here with code 0; usage errors were already printed.
    process.exitCode = e.exitCode === 0 ? EXIT.ok : EXIT.badInput;
  } else if (e instanceof UserError) {
    process.stderr.write(`nomen: ${e.message}\n`);
    process.exitCode = e.exitCode;
  } else if ((e as NodeJS.ErrnoException)?.code === 'EPIPE') {
    process.exitCode = EXIT.ok;
  } else if (databaseError(e, dbSpec({ db: dbOption() }))) {
    // a database that failed after it was opened (a server stopped, a file removed)
    const err = databaseError(e, dbSpec({ db: dbOption() }))!;
    process.stderr.write(`nomen: ${err.message}\n`);
    process.exitCode = err.exitCode;
  } else {
    process.stderr.write(`nomen: internal error: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 1;
  }
}

/** The --db value of the command line, if any (for an error raised outside a command's own handling). */
function dbOption(): string | undefined {
  const argv = process.argv;
  for (let i = 2; i < argv.length; i++) {
    if (argv[i] === '--db') return argv[i + 1];
    if (argv[i].startsWith('--db=')) return argv[i].slice(5);
  }
  return undefined;
}
