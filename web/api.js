// The HTTP API of the same server. Errors are RFC 9457 problem documents: ApiError carries one.

/** A failed API call: `problem` is the server's problem document (or a network failure). */
export class ApiError extends Error {
  constructor(problem) {
    super(problem.detail || problem.title);
    this.problem = problem;
  }
}

async function call(path, init) {
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new ApiError({ status: 0, title: 'network', detail: String(e && e.message ? e.message : e) });
  }
  const type = res.headers.get('content-type') || '';
  const body = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) throw new ApiError(typeof body === 'object' ? body : { status: res.status, title: res.statusText, detail: body });
  return body;
}

const q = (params) => {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, v);
  const t = u.toString();
  return t ? `?${t}` : '';
};

export const api = {
  search: (query, at) => call(`/v1/search${q({ q: query, at })}`),
  code: (code, at) => call(`/v1/codes/${encodeURIComponent(code)}${q({ at })}`),
  history: (code) => call(`/v1/codes/${encodeURIComponent(code)}/history`),
  documents: () => call('/v1/documents'),
  document: (id) => call(`/v1/documents/${encodeURIComponent(id)}`),
  check: (request, lang) =>
    call(`/v1/check${q({ lang })}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) }),
  derived: (code, at) => call(`/v1/codes/${encodeURIComponent(code)}/derived${q({ at })}`),
  institutions: (at) => call(`/v1/institutions${q({ at })}`),
  institution: (id, at) => call(`/v1/institutions/${encodeURIComponent(id)}${q({ at })}`),
  // The claim file is sent as it is (NDJSON): the server names a bad line by its number in the file.
  compliance: (ndjson, { institution, from, to }) =>
    call(`/v1/compliance${q({ institution, from, to })}`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: ndjson }),
  diff: ({ from, to, article, prefix, keyLetter }) => call(`/v1/diff${q({ from, to, article, prefix, keyLetter })}`),
  replay: (body) => call('/v1/replay', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  indication: (facts) => call('/v1/indication', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(facts) }),
};
