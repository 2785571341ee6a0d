/** Every table of every module, for the database handle's types, migrations, backup and restore. */
export * from '../../meetings/schema.ts';
export * from '../../municipalities/schema.ts';
export * from '../../organisations/schema.ts';
export * from '../../plans/schema.ts';
export * from '../../reading/schema.ts';
export * from '../../reports/schema.ts';
export * from '../auth/schema.ts';
export * from '../uploads/schema.ts';
export * from '../audit/schema.ts';
