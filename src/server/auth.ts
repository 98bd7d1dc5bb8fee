/** Optional bearer-token authentication (the token comes from the environment: NOMEN_TOKEN). */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ProblemError } from './problem.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Decides whether a request carries the configured token. */
export class Auth {
  private readonly expected: Buffer | null;

  constructor(token: string | undefined) {
    // Digests have one length whatever the input: the comparison leaks neither content nor length.
    this.expected = token ? digest(token) : null;
  }

  /** True when a token is configured: write operations then need it. */
  get enabled(): boolean {
    return this.expected !== null;
  }

  /** True when no token is configured, or the request carries it. */
  allows(req: FastifyRequest): boolean {
    if (!this.expected) return true;
    const h = req.headers.authorization;
    const m = typeof h === 'string' ? /^Bearer[ ]+(\S+)\s*$/i.exec(h) : null;
    return m !== null && timingSafeEqual(digest(m[1]), this.expected);
  }

  /** Throws a 401 problem unless `allows(req)`. */
  require(req: FastifyRequest, what: string): void {
    if (this.allows(req)) return;
    const sent = typeof req.headers.authorization === 'string';
    throw new ProblemError(
      'unauthorized',
      sent ? `the bearer token is not valid for ${what}` : `${what} needs a bearer token (Authorization: Bearer <token>)`,
      [{ in: 'header', path: 'authorization', detail: sent ? 'invalid token' : 'missing' }],
      { 'www-authenticate': sent ? 'Bearer realm="nomen", error="invalid_token"' : 'Bearer realm="nomen"' },
    );
  }
}
