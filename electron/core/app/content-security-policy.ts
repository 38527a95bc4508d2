/**
 * The Content-Security-Policy both hosts send with the app's page (Electron as a response header, the browser
 * host on index.html): only the app's own scripts, styles, images and connections; no plugins, no framing.
 * renderer/index.html repeats it as a <meta> for defence in depth (a meta cannot carry frame-ancestors).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
