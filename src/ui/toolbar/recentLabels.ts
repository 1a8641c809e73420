import type { ReplaceReason } from '../../state/recent';

const reasonText: Record<ReplaceReason, string> = {
  shareLink: 'replaced by a share link',
  template: 'replaced by a template',
  import: 'replaced by an import',
  lesson: 'replaced by a lesson',
  newDiagram: 'replaced by a new diagram',
  restore: 'replaced by a Recent copy',
};

/** Why a Recent copy was set aside, as the menu says it. */
export const describeReason = (reason: ReplaceReason): string => reasonText[reason];

/** When it was set aside: minutes or hours ago today and yesterday, else the date. */
export function describeWhen(setAsideAt: string, now: Date): string {
  const at = new Date(setAsideAt);
  const minutes = Math.floor((now.getTime() - at.getTime()) / 60_000);
  if (Number.isNaN(minutes)) return 'at an unknown time';
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h ago`;
  return `on ${at.toISOString().slice(0, 10)}`;
}
