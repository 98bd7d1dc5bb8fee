import { describe, expect, test } from 'vitest';
import { InputError } from './csv.js';
import { checkStaffing, parseRoster, renderStaffing } from './staffing.js';

const FULL = [
  'name,specialty,qualifications',
  'Dr A,radiodiagnosis,interventional-radiology',
  'Dr B,radiodiagnosis,interventional-radiology;oncology',
  'Dr C,urology,', 'Dr D,urology,',
  'Dr E,surgery,', 'Dr F,surgery,',
  'Dr G,orthopaedic-surgery,', 'Dr H,orthopaedic-surgery,',
  'Dr I,medical-oncology,', 'Dr J,medical-oncology,',
  'Dr K,gastroenterology,oncology',
  'Dr L,anaesthesiology,intensive-care', 'Dr M,anaesthesiology,intensive-care',
].join('\n');

function without(name: string): string {
  return FULL.split('\n').filter((l) => !l.startsWith(name + ',')).join('\n');
}

describe('Art. 5.1 a–d', () => {
  test('a full roster meets every criterion', () => {
    const r = checkStaffing(parseRoster(FULL));
    expect(r.pass).toBe(true);
    expect(r.criteria.map((c) => [c.id, c.pass])).toEqual([['5.1.a', true], ['5.1.b', true], ['5.1.c', true], ['5.1.d', true]]);
    expect(r.criteria[0].citation).toMatchObject({ article: '5.1, a.' });
    expect(r.warnings).toEqual([]);
  });
  test.each([
    ['Dr A', '5.1.a', 'radiodiagnosis + interventional radiology', 1],
    ['Dr D', '5.1.b', 'urology', 1],
    ['Dr J', '5.1.b', 'medical oncology', 1],
    ['Dr K', '5.1.c', 'pneumology or gastroenterology + oncology', 0],
    ['Dr M', '5.1.d', 'intensive care (particular professional title)', 1],
  ])('without %s: %s fails (%s: %s)', (name, id, label, count) => {
    const r = checkStaffing(parseRoster(without(name)));
    expect(r.pass).toBe(false);
    const c = r.criteria.find((x) => x.id === id)!;
    expect(c.pass).toBe(false);
    expect(c.requirements.find((q) => q.label === label)).toMatchObject({ count, pass: false });
  });
  test('a radiologist without the interventional qualification does not count; a pneumologist needs oncology', () => {
    const roster = FULL.replace('Dr A,radiodiagnosis,interventional-radiology', 'Dr A,radiodiagnosis,').replace('Dr K,gastroenterology,oncology', 'Dr K,pneumology,');
    const r = checkStaffing(parseRoster(roster));
    expect(r.criteria.find((c) => c.id === '5.1.a')!.pass).toBe(false);
    expect(r.criteria.find((c) => c.id === '5.1.c')!.pass).toBe(false);
    const ok = checkStaffing(parseRoster(roster.replace('Dr K,pneumology,', 'Dr K,pneumology,oncology')));
    expect(ok.criteria.find((c) => c.id === '5.1.c')!.pass).toBe(true);
  });
  test('the same name twice counts once', () => {
    const r = checkStaffing(parseRoster(without('Dr D') + '\nDr C,urology,'));
    expect(r.criteria.find((c) => c.id === '5.1.b')!.requirements[0]).toMatchObject({ count: 1, pass: false });
  });
  test('JSON roster, aliases and unknown vocabulary as warnings', () => {
    const staff = parseRoster(JSON.stringify({ staff: [
      { name: 'X', specialty: 'Plastic Surgery', qualifications: ['perforator-flap'] },
      { name: 'Y', specialty: 'plastic_surgery', qualifications: 'perforator-flap' },
      { name: 'Z', specialty: 'dermatology', qualifications: ['lasers'] },
    ] }));
    const r = checkStaffing(staff, 'breast-reconstruction');
    expect(r.pass).toBe(true);
    expect(r.criteria[0].citation.article).toBe('Art. 6');
    expect(r.warnings).toEqual([
      '[2]: Z: unknown specialty "dermatology" (known: radiodiagnosis, urology, surgery, orthopaedic-surgery, neurosurgery, pneumology, gastroenterology, medical-oncology, plastic-surgery, psychiatry, neuropsychiatry, general-practice, anaesthesiology, radiotherapy-oncology, intensive-care)',
      '[2]: Z: unknown qualification "lasers" (known: interventional-radiology, oncology, perforator-flap, intensive-care)',
    ]);
  });
  test('readable rendering', () => {
    const text = renderStaffing(checkStaffing(parseRoster(without('Dr M'))));
    expect(text).toContain('staffing criteria of percutaneous-tumour-ablation: NOT MET (12 people in the roster)');
    expect(text).toContain('[FAIL] 5.1.d two intensive-care specialists and two anaesthetists');
    expect(text).toContain('✗ intensive care (particular professional title): 1 (at least 2) — Dr L');
  });
});

describe('bad roster files', () => {
  test.each([
    ['name,qualifications\nA,x', 'line 1, column specialty: missing column "specialty"'],
    ['name,specialty,qualifications\nA,urology,\n,surgery,', 'line 3, column name: missing or empty name'],
    ['name,specialty,qualifications\nA,,', 'line 2, column specialty: missing or empty specialty'],
    ['[{"name":"A","specialty":"urology"},{"name":"B"}]', 'field [1].specialty: missing or empty specialty'],
    ['[{"name":"A","specialty":"urology","qualifications":[1]}]', 'field [0].qualifications: expected an array of strings'],
    ['{"people":[]}', 'field staff: expected an array'],
    ['[{"name":', 'not valid JSON'],
  ])('%s', (text, message) => {
    let e: unknown;
    try { parseRoster(text); } catch (x) { e = x; }
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message.startsWith(message)).toBe(true);
  });
});
