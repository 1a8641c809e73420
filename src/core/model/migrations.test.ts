import { describe, expect, it } from 'vitest';
import { type MigrationStep, migrateDocument, migrations } from './migrations';
import { DOCUMENT_VERSION } from './schema';

const addA: MigrationStep = { from: 0, description: 'added a', migrate: (d) => ({ ...d, a: 1 }) };
const doubleA: MigrationStep = {
  from: 1,
  description: 'doubled a',
  migrate: (d) => ({ ...d, a: (d.a as number) * 2 }),
};

describe('migrateDocument', () => {
  it('leaves a current-version document as it is', () => {
    const doc = { version: DOCUMENT_VERSION, x: 1 };
    expect(migrateDocument(doc)).toEqual({ ok: true, document: doc, applied: [] });
  });

  it('applies every step in order from the document version to the current one', () => {
    const result = migrateDocument({ version: 0 }, [doubleA, addA], 2);
    expect(result).toEqual({
      ok: true,
      document: { version: 2, a: 2 },
      migratedFrom: 0,
      applied: ['v0 -> v1: added a', 'v1 -> v2: doubled a'],
    });
  });

  it('starts at the document version, skipping earlier steps', () => {
    const result = migrateDocument({ version: 1, a: 5 }, [addA, doubleA], 2);
    expect(result).toMatchObject({ ok: true, document: { version: 2, a: 10 }, migratedFrom: 1 });
  });

  it('refuses when a step is missing from the chain', () => {
    expect(migrateDocument({ version: 0 }, [addA], 2)).toEqual({
      ok: false,
      errors: [
        { path: 'version', message: 'version 0 is too old: there is no migration from version 1 to 2' },
      ],
    });
  });

  it('refuses a newer version instead of guessing', () => {
    expect(migrateDocument({ version: 3 }, [], 2)).toEqual({
      ok: false,
      errors: [
        {
          path: 'version',
          message: 'version 3 is newer than this archplay understands (2); update archplay to open it',
        },
      ],
    });
  });

  it('refuses a missing version', () => {
    expect(migrateDocument({})).toMatchObject({ ok: false, errors: [{ path: 'version' }] });
  });

  it('chains every published version (1 and up) to the current one with the real registry', () => {
    for (let v = 1; v <= DOCUMENT_VERSION; v++) {
      expect(migrateDocument({ version: v }, migrations)).toMatchObject({
        ok: true,
        document: { version: DOCUMENT_VERSION },
      });
    }
  });
});

describe('migration from version 1', () => {
  const client = (headers: Record<string, string>) => ({
    id: 'c',
    kind: 'client',
    config: { requestMix: [{ path: '/', headers }] },
  });
  const migrated = (headers: Record<string, string>) => {
    const r = migrateDocument({ version: 1, nodes: [client(headers)] });
    if (!r.ok) throw new Error('migration failed');
    return (r.document.nodes as { config: { requestMix: { headers: Record<string, string> }[] } }[])[0]!
      .config.requestMix[0]!.headers;
  };

  it('turns an expected event count into an EventStoreDB revision: 1 event is revision 0', () => {
    expect(migrated({ 'x-expected-version': '1', other: '1' })).toEqual({
      'x-expected-version': '0',
      other: '1',
    });
    expect(migrated({ 'x-expected-version': '7' })).toEqual({ 'x-expected-version': '6' });
  });

  it('turns an expected count of 0 into noStream and keeps any and noStream', () => {
    expect(migrated({ 'x-expected-version': '0' })).toEqual({ 'x-expected-version': 'noStream' });
    expect(migrated({ 'x-expected-version': 'any' })).toEqual({ 'x-expected-version': 'any' });
    expect(migrated({ 'x-expected-version': 'noStream' })).toEqual({ 'x-expected-version': 'noStream' });
  });

  it('says what it changed in the import report', () => {
    const r = migrateDocument({ version: 1, nodes: [] });
    expect(r.ok && r.applied).toEqual([`v1 -> v2: ${migrations[0]!.description}`]);
  });
});

describe('migration from version 1: the I/O model', () => {
  const v1 = (kind: string, config?: Record<string, unknown>) => {
    const r = migrateDocument({ version: 1, nodes: [{ id: 'n', kind, ...(config ? { config } : {}) }] });
    if (!r.ok) throw new Error('migration failed');
    return (r.document.nodes as { config?: Record<string, unknown> }[])[0]!.config;
  };

  it('keeps gateways and sidecar proxies thread-per-request, as version 1 ran them', () => {
    expect(v1('gateway', { instances: 3 })).toEqual({ instances: 3, ioModel: 'threadPerRequest' });
    expect(v1('proxy')).toEqual({ ioModel: 'threadPerRequest' });
  });

  it('leaves an ioModel the document states, and services, as they are', () => {
    expect(v1('gateway', { ioModel: 'eventLoop' })).toEqual({ ioModel: 'eventLoop' });
    expect(v1('service', { instances: 2 })).toEqual({ instances: 2 });
  });
});
