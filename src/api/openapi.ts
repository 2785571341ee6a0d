import { searchKinds } from '../search/kinds.ts';

/** The OpenAPI 3.1 description of the read-only API under /api/v1, served at /api/v1/openapi.json. */
const jsonOk = (schema: Record<string, unknown>, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const notFound = { description: '見つかりません', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const param = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } });
const nullableString = { type: ['string', 'null'] };

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Sasaeai API',
    version: '1.0.0',
    description: '地域福祉保健計画の公開情報（計画・体系・推進主体）を返す読み取り専用のAPI。年度は西暦の整数（令和6年度 → 2024）、日付はISO 8601。',
  },
  servers: [{ url: '/api/v1' }],
  paths: {
    '/municipalities': {
      get: { summary: '市町村と区の一覧', responses: { 200: jsonOk({ $ref: '#/components/schemas/MunicipalityList' }, '一覧') } },
    },
    '/municipalities/{m}/plans': {
      get: {
        summary: '市町村のすべての計画（期の一覧つき）',
        parameters: [param('m', '市町村のスラッグ（例: yokohama）')],
        responses: { 200: jsonOk({ type: 'object', properties: { plans: { type: 'array', items: { $ref: '#/components/schemas/Plan' } } } }, '一覧'), 404: notFound },
      },
    },
    '/municipalities/{m}/plans/{plan}': {
      get: {
        summary: '一つの計画と期',
        parameters: [param('m', '市町村のスラッグ'), param('plan', '計画のキー（例: totsuka-ward）')],
        responses: { 200: jsonOk({ $ref: '#/components/schemas/Plan' }, '計画'), 404: notFound },
      },
    },
    '/municipalities/{m}/plans/{plan}/periods/{n}/tree': {
      get: {
        summary: 'ある期の計画の体系（目標・取組目標・取組と推進主体）',
        parameters: [param('m', '市町村のスラッグ'), param('plan', '計画のキー'), { ...param('n', '期の番号（第4期 → 4）'), schema: { type: 'integer' } }],
        responses: { 200: jsonOk({ $ref: '#/components/schemas/PlanTree' }, '体系'), 404: notFound },
      },
    },
    '/municipalities/{m}/organisations': {
      get: {
        summary: '推進主体の登録簿',
        parameters: [param('m', '市町村のスラッグ')],
        responses: { 200: jsonOk({ type: 'object', properties: { organisations: { type: 'array', items: { $ref: '#/components/schemas/Organisation' } } } }, '一覧'), 404: notFound },
      },
    },
    '/municipalities/{m}/organisations/{key}': {
      get: {
        summary: '一つの推進主体と、担当するすべての取組',
        parameters: [param('m', '市町村のスラッグ'), param('key', '推進主体のキー')],
        responses: { 200: jsonOk({ $ref: '#/components/schemas/OrganisationWithHoldings' }, '推進主体'), 404: notFound },
      },
    },
    '/municipalities/{m}/wards/{ward}/districts': {
      get: {
        summary: '区の地区（連合自治会の区域、地区別支援チーム、地区の歩み、年度ごとの統計）と、地区の歩みから数えた区全体の数値（年度ごと）。generated はデモ用の架空のデータ',
        parameters: [param('m', '市町村のスラッグ'), param('ward', '区のスラッグ（例: tsurumi）')],
        responses: { 200: jsonOk({ type: 'object', properties: { ward: { type: 'string' }, districts: { type: 'array', items: { type: 'object' } }, rollup: { type: 'array', items: { type: 'object' } } } }, '地区の一覧'), 404: notFound },
      },
    },
    '/municipalities/{m}/wards/{ward}/districts.csv': {
      get: {
        summary: '区の地区の一覧（CSV、UTF-8 BOM つき）: slug, name, associationArea, 各段階の日付, generated',
        parameters: [param('m', '市町村のスラッグ'), param('ward', '区のスラッグ')],
        responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } }, 404: notFound },
      },
    },
    '/municipalities/{m}/wards/{ward}/districts/statistics.csv': {
      get: {
        summary: '区の地区の統計（CSV、1行に1つの数値: district, name, fiscalYear, item, value, unit, generated）',
        parameters: [param('m', '市町村のスラッグ'), param('ward', '区のスラッグ')],
        responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } }, 404: notFound },
      },
    },
    '/municipalities/{m}/wards/{ward}/reports': {
      get: {
        summary: '区の公開された取組報告がある年度の一覧（新しい順）',
        parameters: [param('m', '市町村のスラッグ'), param('ward', '区のスラッグ（例: asahi）')],
        responses: { 200: jsonOk({ $ref: '#/components/schemas/ReportYears' }, '年度の一覧'), 404: notFound },
      },
    },
    '/municipalities/{m}/wards/{ward}/reports/{fiscalYear}': {
      get: {
        summary: '区のある年度の公開された取組報告（受理され、事務局が公開したものだけ）。目指す姿の順',
        parameters: [param('m', '市町村のスラッグ'), param('ward', '区のスラッグ'), { ...param('fiscalYear', '年度（西暦。令和5年度 → 2023）'), schema: { type: 'integer' } }],
        responses: { 200: jsonOk({ $ref: '#/components/schemas/PublishedReports' }, '取組報告'), 404: notFound },
      },
    },
    '/search': {
      get: {
        summary:
          '計画の項目・取組報告などの全文検索。全角・半角、大文字・小文字は区別せず、スペースで区切った言葉をすべて含むものを返す。ログインしているとき（セッションのCookie）は、その役割で読める公開前のものも含む',
        parameters: [
          { name: 'q', in: 'query', required: true, description: '検索する言葉（100文字まで）', schema: { type: 'string', maxLength: 100 } },
          { name: 'kind', in: 'query', required: false, description: '種類で絞り込む', schema: { enum: [...searchKinds] } },
          { name: 'ward', in: 'query', required: false, description: '区のID で絞り込む', schema: { type: 'string', format: 'uuid' } },
          { name: 'period', in: 'query', required: false, description: '計画の期のID で絞り込む', schema: { type: 'string', format: 'uuid' } },
          { name: 'year', in: 'query', required: false, description: '年度（西暦）で絞り込む', schema: { type: 'integer' } },
          { name: 'page', in: 'query', required: false, description: 'ページ（1から。1ページ20件）', schema: { type: 'integer', minimum: 1 } },
        ],
        responses: {
          200: jsonOk({ $ref: '#/components/schemas/SearchResults' }, '検索結果'),
          400: jsonOk({ $ref: '#/components/schemas/SearchErrors' }, '言葉がない・長すぎる、または絞り込みの指定が正しくない（パラメータごとの説明）'),
        },
      },
    },
  },
  components: {
    schemas: {
      SearchSegments: {
        type: 'array',
        description: '文の断片。mark が true の断片が見つかった言葉（HTMLではなくテキスト）',
        items: { type: 'object', properties: { text: { type: 'string' }, mark: { type: 'boolean' } }, required: ['text', 'mark'] },
      },
      SearchResults: {
        type: 'object',
        properties: {
          query: { type: 'string' },
          terms: { type: 'array', items: { type: 'string' }, description: '正規化（NFKC・小文字）した言葉' },
          page: { type: 'integer' },
          pageSize: { type: 'integer' },
          total: { type: 'integer' },
          results: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                kind: { enum: [...searchKinds] },
                id: { type: 'string' },
                title: { type: 'string' },
                titleSegments: { $ref: '#/components/schemas/SearchSegments' },
                snippet: { $ref: '#/components/schemas/SearchSegments' },
                url: { type: 'string', description: 'そのページのパス' },
                public: { type: 'boolean', description: 'false は公開前（ログインした役割でだけ見えるもの）' },
                ward: { type: ['object', 'null'], properties: { id: { type: 'string', format: 'uuid' }, slug: nullableString, name: nullableString } },
                period: { type: ['object', 'null'], properties: { id: { type: 'string', format: 'uuid' }, label: nullableString } },
                fiscalYear: { type: ['integer', 'null'] },
              },
              required: ['kind', 'id', 'title', 'titleSegments', 'snippet', 'url', 'public', 'ward', 'period', 'fiscalYear'],
            },
          },
          facets: {
            type: 'object',
            description: '絞り込みの選択肢ごとの件数（言葉だけで見つかるもの）',
            properties: {
              kinds: { type: 'array', items: { type: 'object', properties: { kind: { enum: [...searchKinds] }, count: { type: 'integer' } } } },
              wards: { type: 'array', items: { type: 'object', properties: { wardId: { type: 'string', format: 'uuid' }, count: { type: 'integer' } } } },
              periods: { type: 'array', items: { type: 'object', properties: { periodId: { type: 'string', format: 'uuid' }, periodLabel: { type: 'string' }, wardId: { type: ['string', 'null'] }, count: { type: 'integer' } } } },
              fiscalYears: { type: 'array', items: { type: 'object', properties: { fiscalYear: { type: 'integer' }, count: { type: 'integer' } } } },
            },
          },
        },
        required: ['query', 'terms', 'page', 'pageSize', 'total', 'results', 'facets'],
      },
      SearchErrors: {
        type: 'object',
        properties: { errors: { type: 'object', additionalProperties: { type: 'string' }, description: 'パラメータ（q, kind, ward, period, year, page）ごとの問題' } },
        required: ['errors'],
      },
      Error: { type: 'object', properties: { error: { type: 'string' } }, required: ['error'] },
      MunicipalityList: {
        type: 'object',
        properties: {
          municipalities: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                slug: { type: 'string' },
                name: { type: 'string' },
                kind: { enum: ['designated_city', 'city', 'town', 'village'] },
                prefecture: { type: 'string' },
                wards: { type: 'array', items: { type: 'object', properties: { slug: { type: 'string' }, name: { type: 'string' } } } },
              },
            },
          },
        },
      },
      Period: {
        type: 'object',
        properties: {
          period: { type: 'integer', description: '第N期のN' },
          name: { type: 'string' },
          nickname: nullableString,
          fiscalYearStart: { type: 'integer', description: '開始年度（西暦）' },
          fiscalYearEnd: { type: ['integer', 'null'], description: '終了年度（西暦）。未定はnull' },
          status: { enum: ['formulating', 'adopted'] },
          philosophy: nullableString,
          levels: { type: 'array', items: { type: 'string' }, description: '階層の名前（基本目標, 取組目標, 主な取組 …）' },
        },
      },
      Plan: {
        type: 'object',
        properties: {
          key: { type: 'string' },
          tier: { enum: ['city', 'ward', 'district'] },
          name: { type: 'string' },
          nickname: nullableString,
          description: nullableString,
          ward: nullableString,
          periods: { type: 'array', items: { $ref: '#/components/schemas/Period' } },
        },
      },
      Node: {
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          code: { type: 'string' },
          title: { type: 'string' },
          description: nullableString,
          owners: { type: 'array', items: { type: 'string' } },
          ownerKeys: { type: 'array', items: { type: 'string' } },
          situation: { type: 'array', items: { type: 'object', properties: { heading: { type: 'string' }, body: { type: 'string' } } } },
          vision: nullableString,
          keywords: { type: 'array', items: { type: 'string' } },
          examples: { type: 'array', items: { type: 'string' } },
          sections: { type: 'array', items: { type: 'object' } },
          children: { type: 'array', items: { $ref: '#/components/schemas/Node' } },
        },
      },
      PlanTree: {
        allOf: [
          { $ref: '#/components/schemas/Period' },
          { type: 'object', properties: { plan: { $ref: '#/components/schemas/Plan' }, nodes: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } },
        ],
      },
      Organisation: {
        type: 'object',
        properties: {
          key: { type: 'string' },
          name: { type: 'string' },
          kind: { type: 'string' },
          ward: nullableString,
          aliases: { type: 'array', items: { type: 'string' } },
          collective: { type: 'boolean' },
          description: nullableString,
        },
      },
      WardRef: { type: 'object', properties: { slug: { type: 'string' }, name: { type: 'string' } }, required: ['slug', 'name'] },
      ReportYears: {
        type: 'object',
        properties: { ward: { $ref: '#/components/schemas/WardRef' }, fiscalYears: { type: 'array', items: { type: 'integer' } } },
        required: ['ward', 'fiscalYears'],
      },
      ReportNodeRef: {
        type: 'object',
        properties: { id: { type: 'string', format: 'uuid' }, code: { type: 'string' }, title: { type: 'string' }, level: { ...nullableString, description: '階層の名前（目指す姿・取組目標 …）' } },
        required: ['id', 'code', 'title', 'level'],
      },
      PublishedReport: {
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          title: { type: 'string', description: '取組の名前（子育て支援連絡会）' },
          round: { type: 'string', description: '報告の回の名前' },
          fiscalYear: { type: 'integer' },
          goal: { $ref: '#/components/schemas/ReportNodeRef' },
          node: { $ref: '#/components/schemas/ReportNodeRef' },
          owners: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' }, name: { type: 'string' } }, required: ['key', 'name'] } },
          fields: {
            type: 'array',
            description: '報告様式の欄の順に、見出しと書かれた内容',
            items: {
              type: 'object',
              properties: { key: { type: 'string' }, label: { type: 'string' }, kind: { enum: ['text', 'scale'] }, value: { type: 'string' } },
              required: ['key', 'label', 'kind', 'value'],
            },
          },
          publishedAt: { type: ['string', 'null'], format: 'date-time' },
        },
        required: ['id', 'title', 'round', 'fiscalYear', 'goal', 'node', 'owners', 'fields', 'publishedAt'],
      },
      PublishedReports: {
        type: 'object',
        properties: { ward: { $ref: '#/components/schemas/WardRef' }, fiscalYear: { type: 'integer' }, reports: { type: 'array', items: { $ref: '#/components/schemas/PublishedReport' } } },
        required: ['ward', 'fiscalYear', 'reports'],
      },
      OrganisationWithHoldings: {
        allOf: [
          { $ref: '#/components/schemas/Organisation' },
          {
            type: 'object',
            properties: {
              owns: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { plan: { type: 'string' }, period: { type: 'integer' }, level: nullableString, nodeId: { type: 'string' }, code: { type: 'string' }, title: { type: 'string' } },
                },
              },
            },
          },
        ],
      },
    },
  },
} as const;
