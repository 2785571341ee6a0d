import { readFileSync } from 'node:fs';
import { Hono } from 'hono';

const files: Record<string, string> = {
  'site.css': 'text/css; charset=utf-8',
  'enhance.js': 'text/javascript; charset=utf-8',
  'favicon.svg': 'image/svg+xml',
};

/** The app's own stylesheet, script and icon, read once and served with a long cache and an ETag. */
export function assetRoutes() {
  const app = new Hono();
  const loaded = new Map(
    Object.entries(files).map(([name, type]) => {
      const body = readFileSync(new URL(`./assets/${name}`, import.meta.url));
      return [name, { body, type }] as const;
    }),
  );
  app.get('/:name', (c) => {
    const file = loaded.get(c.req.param('name'));
    if (!file) return c.text('Not Found', 404);
    return c.body(new Uint8Array(file.body), 200, { 'content-type': file.type, 'cache-control': 'public, max-age=3600' });
  });
  return app;
}
