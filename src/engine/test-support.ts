/**
 * Test support of the engine: the requests of the legal cases (test/cases/*.yaml), defaults
 * merged as test/cases/cases.test.ts does, through JSON as the batch sees them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

type Obj = Record<string, unknown>;
const CASES = fileURLToPath(new URL('../../test/cases/', import.meta.url));

/** Every request of test/cases/*.yaml. */
export function legalRequests(): Obj[] {
  const out: Obj[] = [];
  for (const f of readdirSync(CASES).filter((x) => x.endsWith('.yaml')).sort()) {
    const data = parse(readFileSync(CASES + f, 'utf8')) as { defaults?: Obj; cases: { request: Obj }[] };
    const d = (data.defaults ?? {}) as { beneficiary?: Obj; institutions?: unknown[]; claim?: Obj };
    const merge = (line: Obj) => {
      const o: Obj = { ...(d.claim ?? {}) };
      for (const [k, v] of Object.entries(line)) { if (v === null) delete o[k]; else o[k] = v; }
      return o;
    };
    for (const c of data.cases) {
      const r = c.request;
      const req: Obj = {};
      const b = r.beneficiary === null ? undefined : (r.beneficiary ?? d.beneficiary);
      if (b) req.beneficiary = b;
      const inst = r.institutions === null ? undefined : (r.institutions ?? d.institutions);
      if (inst) req.institutions = inst;
      if (r.history) req.history = (r.history as Obj[]).map(merge);
      req.claims = (r.claims as Obj[]).map(merge);
      // through JSON, as the batch sees them
      out.push(JSON.parse(JSON.stringify(req)));
    }
  }
  return out;
}
