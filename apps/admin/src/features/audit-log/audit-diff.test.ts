import { describe, expect, it } from 'vitest';
import { auditDiff } from './audit-diff';

describe('auditDiff', () => {
  it('when a field changes, then it comes first, with both values', () => {
    expect(auditDiff({ isVerified: false, id: 'p1' }, { isVerified: true, id: 'p1' })).toEqual([
      { field: 'isVerified', before: 'false', after: 'true', changed: true },
      { field: 'id', before: 'p1', after: 'p1', changed: false },
    ]);
  });

  it('when there is no before (a creation), then every field of after is a change', () => {
    expect(auditDiff(null, { slug: 'plumbing', name: { en: 'Plumbing' } })).toEqual([
      { field: 'slug', before: '', after: 'plumbing', changed: true },
      { field: 'name.en', before: '', after: 'Plumbing', changed: true },
    ]);
  });

  it('when a snapshot is a plain value, then it is one row', () => {
    expect(auditDiff('pending', 'verified')).toEqual([
      { field: 'value', before: 'pending', after: 'verified', changed: true },
    ]);
  });
});
