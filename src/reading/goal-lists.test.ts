/** Goals given as lists and in sentences, in documents written for these tests (invented towns and plans). */
import { describe, expect, it } from 'vitest';
import type { InterchangeDocument } from './interchange.ts';
import { parseLines } from './parse.ts';

function read(text: string): InterchangeDocument {
  return parseLines(text.split('\n'), { file: 'test.txt', format: 'txt' });
}

function topGoals(text: string): [string, string, string][] {
  return read(text).plans.flatMap((p) => p.nodes.map((n): [string, string, string] => [n.level, n.code, n.title]));
}

describe('goals listed under a heading that names their level', () => {
  it('reads a numbered list right under the heading', () => {
    const text = `第2期みどり町地域福祉計画\n令和5年度から令和9年度まで\n基本目標\n(1)となり近所で声をかけあうまち\n(2)困りごとが相談につながるまち\n計画書（PDF）`;
    expect(topGoals(text)).toEqual([
      ['基本目標', '1', 'となり近所で声をかけあうまち'],
      ['基本目標', '2', '困りごとが相談につながるまち'],
    ]);
  });

  it('reads a bulleted list after a lead sentence whose count matches, and names the level without 計画の', () => {
    const text = `第1次あおば村地域福祉計画\n3.計画の基本目標\n村は次の3つの基本目標を掲げます。\n- 集える場所をふやす\n- 担い手を育てる\n- 災害に備える`;
    expect(topGoals(text)).toEqual([
      ['基本目標', '', '集える場所をふやす'],
      ['基本目標', '', '担い手を育てる'],
      ['基本目標', '', '災害に備える'],
    ]);
  });

  it('leaves a list alone when the lead sentence counts otherwise', () => {
    const text = `第1次あおば村地域福祉計画\n基本目標\n村は次の4つの基本目標を掲げます。\n- 集える場所をふやす\n- 担い手を育てる`;
    expect(topGoals(text)).toEqual([]);
  });
});

describe('a numbered list closed by the sentence that names it', () => {
  it('reads the items when the count matches', () => {
    const text = `第3期かわべ市高齢者福祉計画\n計画では、次の目標を掲げます。\n(1)元気に暮らし続けるまちづくり\n(2)介護が必要になっても安心なまちづくり\nこの2つを基本目標として施策を進めます。`;
    expect(topGoals(text)).toEqual([
      ['基本目標', '1', '元気に暮らし続けるまちづくり'],
      ['基本目標', '2', '介護が必要になっても安心なまちづくり'],
    ]);
  });

  it('does not take a list that the next sentence counts otherwise', () => {
    const text = `第3期かわべ市高齢者福祉計画\n(1)元気に暮らし続けるまちづくり\n(2)介護が必要になっても安心なまちづくり\nこの3つを基本目標として施策を進めます。`;
    expect(topGoals(text)).toEqual([]);
  });
});

describe('goals named inside a sentence', () => {
  it('reads numbered quoted titles before 〜の3つを計画の柱とする, keeping 計画の柱 whole', () => {
    const text = `やまなみ区地域福祉保健計画の第4期は、【1】「見守りあう地域」、【2】「学びあう地域」、【3】「つながる窓口」の3つを計画の柱とする。`;
    expect(topGoals(text)).toEqual([
      ['計画の柱', '1', '見守りあう地域'],
      ['計画の柱', '2', '学びあう地域'],
      ['計画の柱', '3', 'つながる窓口'],
    ]);
  });

  it('reads quoted words inside a phrase (参加が「ふえる」) as the goals', () => {
    const text = `はなの区地域福祉保健計画。 愛称について 参加が「ふえる」、声が「とどく」を2つの推進の柱とし、頭文字をつなげました。`;
    expect(topGoals(text)).toEqual([
      ['推進の柱', '', 'ふえる'],
      ['推進の柱', '', 'とどく'],
    ]);
  });

  it('reads a parenthesised list after 3つの目指す地域の姿, a phrase ending in a joining verb form running on', () => {
    const text = `第1期さくら区地域福祉活動計画\n3つの目指す地域の姿(顔の見える地域、「助けて」を受け止め、支えにつなぐ地域、だれもが出番のある地域)に向かって取り組みます。`;
    expect(topGoals(text)).toEqual([
      ['目指す地域の姿', '', '顔の見える地域'],
      ['目指す地域の姿', '', '「助けて」を受け止め、支えにつなぐ地域'],
      ['目指す地域の姿', '', 'だれもが出番のある地域'],
    ]);
  });

  it('adds nothing to a plan whose tree was read from its headings', () => {
    const text = `第2期もり市地域福祉計画\n基本目標１　地域でつながる\n　住民同士が顔を合わせる機会を増やします。\n基本目標２　支援が届く\n　相談窓口を連携させます。\nこの計画は「ささえる」「つなぐ」の2つを推進の柱とします。`;
    expect(topGoals(text).map(([, , title]) => title)).toEqual(['地域でつながる', '支援が届く']);
  });
});
