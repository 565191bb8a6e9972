/**
 * The Content-Security-Policy both shells send with every response. Everything the renderer loads
 * is bundled, so nothing needs a foreign origin; inline scripts and styles are refused (React sets
 * styles through the CSSOM, which a policy does not restrict). Sources are never framed, posted
 * anywhere or allowed to move the base URL.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
