/**
 * Converters between archplay documents and the engines and tools a design moves to or comes from:
 * Kubernetes + Istio, Compose, Mermaid, Structurizr, OpenTelemetry (OTLP/JSON). Pure functions
 * over the document: no DOM, no Node APIs, so the app and the CLI call the same code.
 */

import { exportCompose } from './compose';
import { importCompose } from './composeImport';
import type { ArchDocument } from './core';
import { exportK8s } from './k8s/export';
import { importK8s } from './k8s/import';
import { exportMermaid } from './mermaid';
import { exportMermaidSequence } from './mermaidSequence';
import { exportOtlp } from './otlp/export';
import { importOtlp } from './otlp/import';
import { exportStructurizr } from './structurizr';
import type { ExportResult, ImportResult } from './types';

export type { ExportResult, ImportResult } from './types';

/** Formats a document exports to. */
export const EXPORT_FORMATS = [
  'k8s',
  'compose',
  'mermaid',
  'mermaid-sequence',
  'structurizr',
  'otlp',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Formats a design imports from. */
export const IMPORT_FORMATS = ['k8s', 'compose', 'otlp'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Options of the exports; each format reads the ones it has. */
export interface ExportOptions {
  /** k8s: namespace of the objects and of the mesh principals (default `default`). */
  namespace?: string;
  /** k8s, compose: registry prefix of the placeholder images. */
  registry?: string;
  /** otlp: trace every n-th request (default 10). */
  sampleEvery?: number;
  /** otlp: run seed and duration (default the scenario's). */
  seed?: number;
  durationSec?: number;
  /** mermaid-sequence: the client and request-mix entry to follow. */
  clientId?: string;
  mixIndex?: number;
  /** otlp: told the simulated time run so far and the run's length as the traced run goes on. */
  onProgress?: (nowMs: number, durationMs: number) => void;
}

/** Exports a validated document to `format`. */
export function exportDocument(
  doc: ArchDocument,
  format: ExportFormat,
  options: ExportOptions = {},
): ExportResult {
  switch (format) {
    case 'k8s':
      return exportK8s(doc, options);
    case 'compose':
      return exportCompose(doc, options);
    case 'mermaid':
      return exportMermaid(doc);
    case 'mermaid-sequence':
      return exportMermaidSequence(doc, options);
    case 'structurizr':
      return exportStructurizr(doc);
    case 'otlp':
      return exportOtlp(doc, options);
  }
}

/** Imports text in `format` into a validated document, with what was assumed and ignored; never throws. */
export function importText(text: string, format: ImportFormat): ImportResult {
  switch (format) {
    case 'k8s':
      return importK8s(text);
    case 'compose':
      return importCompose(text);
    case 'otlp':
      return importOtlp(text);
  }
}
