import { describe, expect, it } from 'vitest';
import { CLI_MESSAGES, cliLocale, envLocale } from './messages.js';
import { databaseError, EXIT } from './common.js';

describe('the language of the command line', () => {
  it('LC_ALL, then LC_MESSAGES, then LANG; fr_* and nl_*, else English', () => {
    expect(envLocale({ LANG: 'nl_BE.UTF-8' })).toBe('nl');
    expect(envLocale({ LC_MESSAGES: 'fr_BE.UTF-8', LANG: 'nl_BE.UTF-8' })).toBe('fr');
    expect(envLocale({ LC_ALL: 'C', LANG: 'fr_BE.UTF-8' })).toBe('en');
    expect(envLocale({ LC_ALL: '', LANG: 'fr_FR' })).toBe('fr');
    expect(envLocale({})).toBe('en');
  });
  it('a valid --lang wins over the environment', () => {
    expect(cliLocale(['node', 'nomen', 'show', '--lang', 'nl'], { LANG: 'fr_BE' })).toBe('nl');
    expect(cliLocale(['node', 'nomen', 'show', '--lang=fr'], {})).toBe('fr');
    expect(cliLocale(['node', 'nomen', 'show', '--lang', 'xx'], { LANG: 'nl_BE' })).toBe('nl');
  });
  it('every message exists in the three languages and differs from English in FR and NL', () => {
    const names = Object.keys(CLI_MESSAGES.en) as (keyof typeof CLI_MESSAGES.en)[];
    for (const n of names) {
      const render = (l: 'en' | 'fr' | 'nl') => (CLI_MESSAGES[l][n] as (...a: unknown[]) => string)('A', 'B');
      expect(render('fr'), n).not.toBe(render('en'));
      expect(render('nl'), n).not.toBe(render('en'));
    }
  });
});

describe('database errors', () => {
  const spec = 'postgres://me:secret@db.example:5432/nomen_prod';
  it('a wrong database name says so and how to create it (exit 4)', () => {
    const e = Object.assign(new Error('database "nomen_prod" does not exist'), { code: '3D000' });
    const u = databaseError(e, spec, 'en')!;
    expect(u.exitCode).toBe(EXIT.database);
    expect(u.message).toBe('--db postgres://me:***@db.example:5432/nomen_prod: the PostgreSQL server has no database "nomen_prod": create it (createdb nomen_prod) or correct the name in the URL');
  });
  it('a refused password', () => {
    const e = Object.assign(new Error('password authentication failed for user "me"'), { code: '28P01' });
    expect(databaseError(e, spec, 'fr')!.message).toContain('a refusé l’utilisateur ou le mot de passe');
  });
  it('an error that is not about the database is left alone', () => {
    expect(databaseError(new TypeError('x is undefined'), 'nomen.db', 'en')).toBeUndefined();
    expect(databaseError(Object.assign(new Error('syntax error'), { code: '42601' }), spec, 'en')).toBeUndefined();
  });
});
