/** `nomen serve`: the HTTP API and the web interface, until SIGINT or SIGTERM (graceful shutdown). */
import type { Command } from 'commander';
import { withStore, UserError, DB_HELP, type DbOptions } from './common.js';

interface ServeOptions extends DbOptions {
  port: string;
  host: string;
  bodyLimit: string;
  logLevel: string;
  grace: string;
}

function wholeNumber(value: string, name: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new UserError(`${name}: "${value}" is not a whole number from ${min} to ${max}`);
  return n;
}

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Registers `nomen serve`. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the operations as JSON over HTTP (/v1/…, /openapi.json, /health) and the web interface (/); NOMEN_TOKEN, when set, is the bearer token write operations need')
    .option('--port <n>', 'TCP port (0: any free port)', '8080')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--db <file>', DB_HELP)
    .option('--body-limit <bytes>', 'largest JSON request body', String(1024 * 1024))
    .option('--log-level <level>', `log level (${LEVELS.join(', ')}); logs are JSON lines on stdout`, 'info')
    .option('--grace <ms>', 'on SIGINT/SIGTERM, how long in-flight requests may take before connections are cut', '10000')
    .action(async (opts: ServeOptions) => {
      const port = wholeNumber(opts.port, '--port', 0, 65535);
      const bodyLimit = wholeNumber(opts.bodyLimit, '--body-limit', 1024, 1024 * 1024 * 1024);
      const grace = wholeNumber(opts.grace, '--grace', 0, 3_600_000);
      if (!LEVELS.includes(opts.logLevel)) throw new UserError(`--log-level: "${opts.logLevel}" is not one of ${LEVELS.join(', ')}`);
      // An empty NOMEN_TOKEN means none: an unset variable in a shell script must not lock writes open to "".
      const token = process.env.NOMEN_TOKEN || undefined;
      // Loaded on demand: the other commands do not need Fastify.
      const { buildApp } = await import('../server/app.js');
      await withStore(opts, async (store) => {
        const app = await buildApp({ store, token, bodyLimit, logger: { level: opts.logLevel } });
        let url: string;
        try {
          url = await app.listen({ port, host: opts.host });
        } catch (e) {
          await app.close();
          const err = e as NodeJS.ErrnoException;
          if (err.code === 'EADDRINUSE') throw new UserError(`--port: ${port} is already in use on ${opts.host}`);
          if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') throw new UserError(`--host: cannot listen on "${opts.host}"`);
          throw e;
        }
        app.log.info({ url, store: store.kind, auth: token !== undefined }, 'nomen serve ready');
        const signal = await new Promise<NodeJS.Signals>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        app.log.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
        // A second signal, or the grace period running out, cuts the remaining connections.
        const cut = () => app.server.closeAllConnections();
        const timer = setTimeout(cut, grace);
        timer.unref();
        process.once('SIGINT', cut);
        process.once('SIGTERM', cut);
        await app.close();
        clearTimeout(timer);
        app.log.info('stopped');
      });
    });
}
