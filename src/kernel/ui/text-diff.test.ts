import { describe, expect, it } from 'vitest';
import { diffText } from './text-diff.ts';

describe('diffText', () => {
  it('marks only the characters that changed, keeping the common start and end', () => {
    expect(diffText('多様性を認める意識', '違いや多様性を認め合う意識')).toEqual([
      { kind: 'added', text: '違いや' },
      { kind: 'same', text: '多様性を認め' },
      { kind: 'removed', text: 'る' },
      { kind: 'added', text: '合う' },
      { kind: 'same', text: '意識' },
    ]);
  });

  it('gives the whole text as one run when nothing changed, and all of it as added or removed against nothing', () => {
    expect(diffText('同じ', '同じ')).toEqual([{ kind: 'same', text: '同じ' }]);
    expect(diffText('', '新しい')).toEqual([{ kind: 'added', text: '新しい' }]);
    expect(diffText('古い', '')).toEqual([{ kind: 'removed', text: '古い' }]);
  });

  it('treats a character outside the basic plane (𠮷) as one character', () => {
    expect(diffText('𠮷田', '吉田')).toEqual([
      { kind: 'removed', text: '𠮷' },
      { kind: 'added', text: '吉' },
      { kind: 'same', text: '田' },
    ]);
  });

  it('rebuilds both texts from its parts, also when the changed middle is too long to search', () => {
    const before = 'あ'.repeat(1500) + 'い'.repeat(1500);
    const after = 'う'.repeat(1500) + 'え'.repeat(1500);
    const parts = diffText(before, after);
    expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe(before);
    expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe(after);
  });
});
