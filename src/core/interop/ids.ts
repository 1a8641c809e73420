/** Makes ids for imported nodes and edges: valid archplay ids (1–64 of `A-Za-z0-9_.:-`), unique. */
export class IdMaker {
  private readonly used = new Set<string>();

  /** Marks `id` as taken. */
  reserve(id: string): void {
    this.used.add(id);
  }

  /** A free id close to `wanted`. */
  make(wanted: string): string {
    let base = wanted.replace(/[^A-Za-z0-9_.:-]/g, '-').slice(0, 60);
    if (base === '') base = 'node';
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}

/** Whether `id` is a valid archplay id. */
export function isArchId(id: string): boolean {
  return /^[A-Za-z0-9_.:-]{1,64}$/.test(id);
}
