import { describe, expect, it } from 'vitest';
import { inJapanese } from '../testing/messages.ts';
import { reportStates, type ReportState } from './schema.ts';
import { isOutstanding, refusalOf, reportActions, type ReportAction } from './workflow.ts';

const allowed: Record<ReportAction, ReportState[]> = {
  save: ['draft', 'returned'],
  submit: ['draft', 'returned'],
  return: ['submitted'],
  accept: ['submitted'],
  publish: ['accepted'],
  unpublish: ['accepted'],
};

describe('the report workflow', () => {
  for (const action of reportActions) {
    for (const state of reportStates) {
      const published = action === 'unpublish';
      const ok = allowed[action].includes(state) && (action !== 'unpublish' || state === 'accepted');
      it(`${action} from ${state}: ${ok ? 'allowed' : 'refused in Japanese'}`, () => {
        const refusal = inJapanese(refusalOf(action, { state, published: published && state === 'accepted' }, 'open'));
        if (ok) expect(refusal).toBeNull();
        else expect(refusal).toMatch(/[ぁ-んァ-ン一-龥]/);
      });
    }
  }

  it('explains why, in the words of the state', () => {
    expect(inJapanese(refusalOf('save', { state: 'submitted', published: false }, 'open'))).toBe('提出済みの報告は編集できません。事務局が差し戻すと、また編集できます。');
    expect(inJapanese(refusalOf('accept', { state: 'returned', published: false }, 'open'))).toBe('差し戻し中の報告は受理できません。提出し直されるのを待ってください。');
    expect(inJapanese(refusalOf('publish', { state: 'submitted', published: false }, 'open'))).toBe('受理した報告だけを公開できます。');
    expect(inJapanese(refusalOf('publish', { state: 'accepted', published: true }, 'open'))).toBe('この報告はすでに公開されています。');
    expect(inJapanese(refusalOf('unpublish', { state: 'accepted', published: false }, 'open'))).toBe('この報告は公開されていません。');
  });

  it('takes no writing or reviewing in a closed round, but lets its accepted reports be published', () => {
    for (const action of ['save', 'submit'] as const) expect(inJapanese(refusalOf(action, { state: 'draft', published: false }, 'closed'))).toContain('締め切られています');
    for (const action of ['return', 'accept'] as const) expect(inJapanese(refusalOf(action, { state: 'submitted', published: false }, 'closed'))).toContain('締め切られています');
    expect(refusalOf('publish', { state: 'accepted', published: false }, 'closed')).toBeNull();
    expect(refusalOf('unpublish', { state: 'accepted', published: true }, 'closed')).toBeNull();
  });

  it('counts drafts and returned reports as not yet handed in', () => {
    expect(reportStates.filter(isOutstanding)).toEqual(['draft', 'returned']);
  });
});
