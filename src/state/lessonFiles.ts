import { type Lesson, type LessonIndex, lessonIndexSchema, parseLesson } from '../core/lessons';
import { formatIssue } from '../core/model/validate';

export type IndexEntry = LessonIndex['lessons'][number];

const url = (path: string) => `${import.meta.env.BASE_URL}lessons/${path}`;

async function fetchText(path: string): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  try {
    const response = await fetch(url(path));
    if (!response.ok) return { ok: false, message: `lessons/${path}: HTTP ${response.status}` };
    return { ok: true, text: await response.text() };
  } catch (error) {
    return { ok: false, message: `lessons/${path}: ${String(error)}` };
  }
}

/** The learning path (public/lessons/index.json), or why it cannot be read. */
export async function fetchLessonIndex(): Promise<
  { ok: true; lessons: IndexEntry[] } | { ok: false; message: string }
> {
  const read = await fetchText('index.json');
  if (!read.ok) return read;
  try {
    const parsed = lessonIndexSchema.safeParse(JSON.parse(read.text));
    if (parsed.success) return { ok: true, lessons: parsed.data.lessons };
    const first = parsed.error.issues[0];
    return { ok: false, message: `lessons/index.json: ${first?.path.join('.')}: ${first?.message}` };
  } catch (error) {
    return { ok: false, message: `lessons/index.json: not valid JSON (${String(error)})` };
  }
}

/** One lesson, validated as the CLI validates it; the first problem when it is broken. */
export async function fetchLesson(
  id: string,
): Promise<{ ok: true; lesson: Lesson } | { ok: false; message: string }> {
  const read = await fetchText(`${encodeURIComponent(id)}.json`);
  if (!read.ok) return read;
  const parsed = parseLesson(read.text);
  if (parsed.ok) return parsed;
  const first = parsed.errors[0];
  return { ok: false, message: `lessons/${id}.json: ${first ? formatIssue(first) : 'invalid'}` };
}
