import { hasColumnCodes } from '../data/columnData';
import type { LikertColumn } from '../data/types';

/** Throws a TypeError naming `fn` unless `value` is a coded Likert column. Internal. */
export function assertLikertColumn(fn: string, value: unknown): asserts value is LikertColumn {
  const candidate = value as Partial<LikertColumn> | null;
  if (
    candidate === null ||
    typeof candidate !== 'object' ||
    candidate.kind !== 'likert-column' ||
    !hasColumnCodes(candidate as LikertColumn) ||
    typeof candidate.scale !== 'object'
  ) {
    throw new TypeError(
      `${fn}: expected a LikertColumn; code the answers first with likert(responses, scale)`,
    );
  }
}
