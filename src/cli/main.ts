/** The `nomen` command line. Each command lives in its own module; this file only assembles them. */
import { Command, CommanderError } from 'commander';
import { UserError, EXIT } from './common.js';

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
  } else {
    process.stderr.write(`nomen: internal error: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 1;
  }
}
