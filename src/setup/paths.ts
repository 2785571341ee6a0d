export const setupPaths = { setup: '/setup' };
