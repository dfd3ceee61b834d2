/** Content types of the built files, for the small servers that serve dist/ (built-page tests, bench, Lighthouse). */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
};
