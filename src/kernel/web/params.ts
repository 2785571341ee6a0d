/**
 * A route parameter that matches only a UUID (lower case, as the database writes them): any other text in its place
 * is no route at all, a plain 404, never a query the database refuses.
 */
export const uuid = <Name extends string>(name: Name) => `:${name}{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}}` as const;
