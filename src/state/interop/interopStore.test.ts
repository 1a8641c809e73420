import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import microservices from '../../../public/examples/microservices-flow.json';
import { exportDocument } from '../../core/interop';
import type { ArchDocument } from '../../core/model/schema';
import { validateDocument } from '../../core/model/validate';
import { documentStore, loadDocumentFresh } from '../documentStore';
import { inProcessWorkers } from '../experiments/inProcessPool.testkit';
import { initRecent, recentStore } from '../recentStore';
import { sessionStore } from '../sessionStore';
import { testStorage } from '../testStorage';
import {
  acceptImport,
  cancelConversion,
  cancelImport,
  exportCurrent,
  importForPreview,
  interopStore,
  setInteropWorkerFactory,
} from './interopStore';

function template(durationSec = 60): ArchDocument {
  const json = structuredClone(microservices) as { scenario: Record<string, unknown> };
  json.scenario = { ...json.scenario, durationSec, warmupSec: 0, workloadChanges: [], faults: [] };
  const result = validateDocument(json);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.document;
}

const compose = `services:
  web:
    image: shop/web
    depends_on: [orders]
    ports: ["80:8080"]
  orders:
    image: shop/orders
    deploy: { replicas: 3 }
`;

let workers = inProcessWorkers();

describe('export and import through a pool worker', () => {
  beforeEach(() => {
    workers = inProcessWorkers();
    setInteropWorkerFactory(workers.factory);
    initRecent(testStorage());
    loadDocumentFresh(template());
    interopStore.setState({ job: null, preview: null });
    sessionStore.setState({ dialog: null, importErrors: null });
  });
  afterAll(() => setInteropWorkerFactory(undefined));

  it('exports the current diagram as the core converter does, and stops its worker', async () => {
    const result = await exportCurrent('k8s', 'Kubernetes');
    expect(result).toEqual(exportDocument(template(), 'k8s'));
    expect(workers.alive()).toBe(0);
    expect(interopStore.getState().job).toBeNull();
  });

  it('shows an OTLP export as a job with the traced run’s progress', async () => {
    loadDocumentFresh(template(3));
    const seen: number[] = [];
    const stop = interopStore.subscribe((s) => {
      if (s.job?.progress != null) seen.push(s.job.progress);
    });
    const result = await exportCurrent('otlp', 'OTLP traces');
    stop();
    expect(result?.files[0]?.name).toMatch(/\.otlp\.json$/);
    expect(seen.at(-1)).toBe(1);
    expect(seen.length).toBeGreaterThan(10);
  });

  it('Cancel stops an export: its worker is terminated and nothing is returned', async () => {
    const pending = exportCurrent('otlp', 'OTLP traces');
    cancelConversion();
    expect(await pending).toBeNull();
    expect(workers.alive()).toBe(0);
    expect(interopStore.getState().job).toBeNull();
  });

  it('previews an import with what was assumed and ignored, changing nothing until accepted', async () => {
    const before = documentStore.getState().document;
    await importForPreview('compose', 'shop.yml', compose);
    const preview = interopStore.getState().preview!;
    expect(preview.document.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['web', 'orders']));
    expect(preview.assumed.length).toBeGreaterThan(0);
    expect(preview.ignored.join(' ')).toContain('ports');
    expect(sessionStore.getState().dialog).toBe('importPreview');
    expect(documentStore.getState().document).toBe(before);
    expect(acceptImport()).toBe(preview.document.name);
    expect(documentStore.getState().document).toBe(preview.document);
    expect(recentStore.getState().entries[0]).toMatchObject({ name: before.name, reason: 'import' });
    expect(sessionStore.getState().dialog).toBeNull();
  });

  it('Cancel on the preview leaves the diagram and Recent as they were', async () => {
    const before = documentStore.getState().document;
    await importForPreview('compose', 'shop.yml', compose);
    cancelImport();
    expect(documentStore.getState().document).toBe(before);
    expect(recentStore.getState().entries).toEqual([]);
    expect(interopStore.getState().preview).toBeNull();
  });

  it('a file that does not convert lists its problems by path and opens no preview', async () => {
    await importForPreview('k8s', 'broken.yaml', 'kind: Deployment\nmetadata: [\n');
    expect(interopStore.getState().preview).toBeNull();
    expect(sessionStore.getState().dialog).toBe('importErrors');
    expect(sessionStore.getState().importErrors?.fileName).toBe('broken.yaml');
    expect(sessionStore.getState().importErrors?.errors.length).toBeGreaterThan(0);
  });
});
