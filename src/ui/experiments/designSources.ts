import type { ArchDocument } from '../../core/model/schema';
import { parseDocument } from '../../core/model/validate';
import { documentStore } from '../../state/documentStore';
import type { NamedDocument } from '../../state/experiments/compareView';
import { peekRecent } from '../../state/recentStore';
import { fetchTemplate } from '../dialogs/templates';

/** Where a design to compare comes from: the diagram being edited, a template, a Recent copy or a file. */
export type DesignSource =
  | { kind: 'current' }
  | { kind: 'template'; file: string; name: string }
  | { kind: 'recent'; id: string; name: string }
  | { kind: 'file'; name: string; document: ArchDocument };

type Resolved = { ok: true; design: NamedDocument } | { ok: false; message: string };

/** The document of a source, validated like any import, with the name the comparison shows. */
export async function resolveSource(source: DesignSource): Promise<Resolved> {
  switch (source.kind) {
    case 'current': {
      const document = documentStore.getState().document;
      return { ok: true, design: { name: `${document.name || 'Untitled'} (current)`, document } };
    }
    case 'template': {
      const loaded = await fetchTemplate(source.file);
      return loaded.ok ? { ok: true, design: { name: source.name, document: loaded.document } } : loaded;
    }
    case 'recent': {
      const peeked = peekRecent(source.id);
      return peeked.ok
        ? { ok: true, design: { name: `${source.name || 'Untitled'} (Recent)`, document: peeked.document } }
        : peeked;
    }
    case 'file':
      return { ok: true, design: { name: source.name, document: source.document } };
  }
}

/** Reads a diagram file for a comparison; a file that is not a valid diagram says why, path by path. */
export async function readDesignFile(file: File): Promise<DesignSource | { error: string }> {
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return { error: `${file.name}: could not be read: ${String(error)}` };
  }
  const parsed = parseDocument(text);
  if (!parsed.ok)
    return {
      error: parsed.errors.map((e) => `${file.name}: ${e.path || '(document)'}: ${e.message}`).join('\n'),
    };
  return { kind: 'file', name: file.name, document: parsed.document };
}

/** The picker's value for a source. */
export function sourceKey(source: DesignSource): string {
  switch (source.kind) {
    case 'current':
      return 'current';
    case 'template':
      return `template:${source.file}`;
    case 'recent':
      return `recent:${source.id}`;
    case 'file':
      return `file:${source.name}`;
  }
}
