import { describe, expect, it } from 'vitest';
import { inJapanese } from '../testing/messages.ts';
import { reportStates, type ReportState } from './schema.ts';
import { isOutstanding, refusalOf, reportActions, reviewQueue, takesBulkAction, type ReportAction } from './workflow.ts';

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

  it('offers a bulk action to reports handed in, and to accepted ones not yet published (in a closed round too)', () => {
    const takes = (state: ReportState, published: boolean, round: 'open' | 'closed') => takesBulkAction({ state, published }, round);
    expect(reportStates.filter((state) => takes(state, false, 'open'))).toEqual(['submitted', 'accepted']);
    expect(reportStates.filter((state) => takes(state, false, 'closed'))).toEqual(['accepted']);
    expect(takes('accepted', true, 'open')).toBe(false);
  });
});

describe('the review queue', () => {
  const round = (...states: ReportState[]) => states.map((state, i) => ({ reportId: `r${i}`, state }));

  it('counts the reports handed in, places the one read among them, and goes on to the next after it, from the start again after the last', () => {
    const reports = round('submitted', 'draft', 'submitted', 'accepted', 'submitted');
    expect(reviewQueue(reports, 'open', 'r0')).toEqual({ awaiting: 3, position: 1, next: 'r2' });
    expect(reviewQueue(reports, 'open', 'r2')).toEqual({ awaiting: 3, position: 2, next: 'r4' });
    expect(reviewQueue(reports, 'open', 'r4')).toEqual({ awaiting: 3, position: 3, next: 'r0' });
    expect(reviewQueue(reports, 'open', 'r3')).toEqual({ awaiting: 3, position: null, next: 'r4' });
  });

  it('has nothing next when the report read is the only one waiting, or the round is closed', () => {
    expect(reviewQueue(round('accepted', 'submitted'), 'open', 'r1')).toEqual({ awaiting: 1, position: 1, next: null });
    expect(reviewQueue(round('accepted', 'draft'), 'open', 'r0')).toEqual({ awaiting: 0, position: null, next: null });
    expect(reviewQueue(round('submitted', 'submitted'), 'closed', 'r0')).toEqual({ awaiting: 0, position: null, next: null });
  });
});
