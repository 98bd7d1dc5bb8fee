import { describe, expect, test } from 'vitest';
import { csvRecords, InputError, institutionsToCsv, parseCsv, parseInstitutionsCsv } from './csv.js';

const HEADER = 'institution,name,convention,from,to,signed,notice_sent';

function err(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('csv reading', () => {
  test('quoted fields, doubled quotes, CRLF, line numbers of records spanning lines', () => {
    const recs = csvRecords('a,b\r\n"x, y","say ""hi"""\r\n"multi\nline",z\n\nlast,1');
    expect(recs).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['multi\nline', 'z'] },
      { line: 6, fields: ['last', '1'] },
    ]);
  });
  test('an unterminated quote names its line', () => {
    expect(err(() => csvRecords('a,b\n1,"oops\n2,3')).message).toBe('line 2: unterminated quoted field (a " is never closed)');
  });
  test('missing, unknown and duplicate columns name the header line and the column', () => {
    expect(err(() => parseCsv('name,qualifications\nx,y', { required: ['name', 'specialty'], optional: ['qualifications'] })).message)
      .toBe('line 1, column specialty: missing column "specialty" in the header (expected: name,specialty,qualifications)');
    expect(err(() => parseCsv('name,specialty,qualifcations\n', { required: ['name', 'specialty'], optional: ['qualifications'] })).message)
      .toMatch(/^line 1, column qualifcations: unknown column "qualifcations"/);
    expect(err(() => parseCsv('name,specialty,name\n', { required: ['name', 'specialty'] })).message).toMatch(/^line 1, column name: (unknown column|column "name" appears twice)/);
  });
  test('a row with the wrong number of fields names its line', () => {
    expect(err(() => parseCsv('name,specialty\nA,b\nC\n', { required: ['name', 'specialty'] })).message).toBe('line 3: 1 field where the header has 2 (name,specialty)');
  });
  test('an empty file', () => {
    expect(err(() => parseCsv('', { required: ['name'] })).message).toMatch(/^line 1: empty file/);
  });
});

describe('institution import', () => {
  const good = [
    HEADER,
    'H-71001,AZ Voorbeeld,percutaneous-tumour-ablation,,,,',
    'H-71001,,breast-reconstruction,,,2016-11-15,2023-03-15',
    '"H-72002","Clinique ""Saint-Luc"", Bruxelles",breast-reconstruction,2017-02-01,,2017-01-10,',
  ].join('\n');

  test('rows are grouped by institution; ends are derived from the convention\'s terms', () => {
    const list = parseInstitutionsCsv(good);
    expect(list).toEqual([
      {
        id: 'H-71001', name: 'AZ Voorbeeld', conventions: [
          { convention: 'breast-reconstruction', from: '2016-12-01', to: '2023-09-30', signed: '2016-11-15', noticeSent: '2023-03-15' },
          { convention: 'percutaneous-tumour-ablation', from: '2024-11-01', to: '2029-10-31' },
        ],
      },
      { id: 'H-72002', name: 'Clinique "Saint-Luc", Bruxelles', conventions: [{ convention: 'breast-reconstruction', from: '2017-02-01', to: null, signed: '2017-01-10' }] },
    ]);
  });

  test('round trip through institutionsToCsv', () => {
    const list = parseInstitutionsCsv(good);
    expect(parseInstitutionsCsv(institutionsToCsv(list))).toEqual(list);
  });

  test('columns in another order are accepted', () => {
    const list = parseInstitutionsCsv('convention,institution,name,from,to,signed,notice_sent\npercutaneous-tumour-ablation,H-1,,,,,\n');
    expect(list[0].conventions[0].to).toBe('2029-10-31');
  });

  test.each([
    [`${HEADER}\nH-1,,percutaneous-tumour-ablation,2024-02-30,,,`, 'line 2, column from: "2024-02-30" is not a date in the form YYYY-MM-DD'],
    [`${HEADER}\nH-1,,percutaneous-tumour-ablation,,,,\nH-1,,breast-reconstruction,,,15/11/2016,`, 'line 3, column signed: "15/11/2016" is not a date in the form YYYY-MM-DD'],
    [`${HEADER}\n,X,percutaneous-tumour-ablation,,,,`, 'line 2, column institution: missing institution id'],
    [`${HEADER}\nH-1,X,,,,,`, 'line 2, column convention: missing (known: percutaneous-tumour-ablation, breast-reconstruction)'],
    [`${HEADER}\nH-1,X,breast-reconstruction,,,,`, 'line 2, column from: missing, and no signature date to derive it from (breast-reconstruction starts on the first day of the month after signature)'],
    [`${HEADER}\nH-1,A,percutaneous-tumour-ablation,,,,\nH-1,B,breast-reconstruction,2017-01-01,,,`, 'line 3, column name: "B" differs from the name "A" given for H-1 on line 2'],
    [`${HEADER}\nH-1,A,percutaneous-tumour-ablation,,,,\nH-1,,percutaneous-tumour-ablation,,,,`, 'line 3, column convention: H-1 already has percutaneous-tumour-ablation from 2024-11-01 on an earlier line'],
    [`${HEADER}\nH 1,A,percutaneous-tumour-ablation,,,,`, 'line 2, column institution: "H 1" is not an institution id (letters, digits, and . _ : / -)'],
    ['institution,name,convention,from,to,signed\nH-1,,percutaneous-tumour-ablation,,,', 'line 1, column notice_sent: missing column "notice_sent" in the header (expected: institution,name,convention,from,to,signed,notice_sent)'],
    [`${HEADER}\nH-1,,percutaneous-tumour-ablation,,`, 'line 2: 5 fields where the header has 7 (institution,name,convention,from,to,signed,notice_sent)'],
  ])('bad file %#: %s', (text, message) => {
    expect(err(() => parseInstitutionsCsv(text)).message).toBe(message);
  });

  test('the error can name the file', () => {
    const e = err(() => parseInstitutionsCsv(`${HEADER}\nH-1,,percutaneous-tumour-ablation,x,,,`)).inFile('registry.csv');
    expect(e.message).toBe('registry.csv, line 2, column from: "x" is not a date in the form YYYY-MM-DD');
  });
});
