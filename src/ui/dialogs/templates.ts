import type { ArchDocument } from '../../core/model/schema';
import { formatIssue, parseDocument } from '../../core/model/validate';

export interface TemplateEntry {
  file: string;
  name: string;
  description: string;
}

const url = (path: string) => `${import.meta.env.BASE_URL}${path}`;

/** The gallery index, or null when the app ships without examples. */
export async function fetchTemplateIndex(): Promise<TemplateEntry[] | null> {
  try {
    const response = await fetch(url('examples/index.json'));
    if (!response.ok) return null;
    const data: unknown = await response.json();
    if (!Array.isArray(data)) return null;
    return data
      .filter(
        (e): e is TemplateEntry =>
          typeof e === 'object' && e !== null && typeof e.file === 'string' && typeof e.name === 'string',
      )
      .map((e) => ({ ...e, description: typeof e.description === 'string' ? e.description : '' }));
  } catch {
    return null;
  }
}

/** A template's document, validated like any import; the error text when it is broken. */
export async function fetchTemplate(
  file: string,
): Promise<{ ok: true; document: ArchDocument } | { ok: false; message: string }> {
  try {
    const response = await fetch(url(`examples/${file}`));
    if (!response.ok) return { ok: false, message: `${file}: HTTP ${response.status}` };
    const parsed = parseDocument(await response.text());
    if (parsed.ok) return { ok: true, document: parsed.document };
    const first = parsed.errors[0];
    return { ok: false, message: `${file}: ${first ? formatIssue(first) : 'invalid'}` };
  } catch (error) {
    return { ok: false, message: `${file}: ${String(error)}` };
  }
}
