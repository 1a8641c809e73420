import type { ExportFormat, ImportFormat } from '../../worker/protocol';

/** A format of the File menu's "Export as" section: what it is called, and what it gives. */
export interface ExportChoice {
  format: ExportFormat;
  label: string;
  hint: string;
}

/** The core's export formats (src/core/interop), in the order the CLI's --format lists them. */
export const EXPORT_CHOICES: readonly ExportChoice[] = [
  { format: 'k8s', label: 'Kubernetes + Istio', hint: 'YAML' },
  { format: 'compose', label: 'Docker Compose', hint: 'YAML' },
  { format: 'mermaid', label: 'Mermaid flowchart', hint: '.mmd' },
  { format: 'mermaid-sequence', label: 'Mermaid sequence', hint: '.mmd' },
  { format: 'structurizr', label: 'Structurizr DSL', hint: '.dsl' },
  { format: 'otlp', label: 'OTLP traces (runs it)', hint: 'JSON' },
];

/** A format of the "Import from" section, with the files its picker offers. */
export interface ImportChoice {
  format: ImportFormat;
  label: string;
  accept: string;
}

export const IMPORT_CHOICES: readonly ImportChoice[] = [
  { format: 'k8s', label: 'Kubernetes manifests…', accept: '.yaml,.yml,.json' },
  { format: 'compose', label: 'Docker Compose…', accept: '.yaml,.yml' },
  { format: 'otlp', label: 'OTLP traces…', accept: '.json' },
];

/** What a preview calls the format a design came from. */
export const IMPORT_NAMES: Readonly<Record<ImportFormat, string>> = {
  k8s: 'Kubernetes',
  compose: 'Compose',
  otlp: 'OTLP traces',
};
