/**
 * Every table of the application, for drizzle-kit (drizzle.config.ts): the one schema its migrations are made from.
 * A new schema file gets its line here. The running code never needs this list: each module imports its own tables,
 * and backup, restore and deleting a municipality read the tables from the database (kernel/db/tenant.ts).
 */
export * from './kernel/audit/schema.ts';
export * from './kernel/tenancy/schema.ts';
export * from './kernel/uploads/schema.ts';
export * from './accounts/schema.ts';
export * from './evaluations/schema.ts';
export * from './districts/schema.ts';
export * from './meetings/schema.ts';
export * from './municipalities/schema.ts';
export * from './organisations/schema.ts';
export * from './plans/schema.ts';
export * from './imports/schema.ts';
export * from './reports/schema.ts';
export * from './search/schema.ts';
