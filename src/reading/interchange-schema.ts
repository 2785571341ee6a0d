/**
 * The JSON Schema published for the interchange document, generated from the Zod schema in interchange.ts.
 * Regenerate the committed file after changing the schema: `node --import tsx src/reading/interchange-schema.ts`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { interchangeSchema, planNodeSchema } from './interchange.ts';

export const schemaFile = fileURLToPath(new URL('./interchange.schema.json', import.meta.url));

export function interchangeJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(interchangeSchema, {
    metadata: z.registry<{ id: string }>().add(planNodeSchema, { id: 'PlanNode' }),
  });
  return {
    ...schema,
    $id: 'https://sasaeai.example/schemas/reading-interchange-1.json',
    title: 'Sasaeai 文書読み取り 交換形式 (version 1)',
  };
}

export function schemaFileText(): string {
  return `${JSON.stringify(interchangeJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(schemaFile, schemaFileText());
  console.log(`${schemaFile} を書き出しました`);
}
