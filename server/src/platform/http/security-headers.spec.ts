import { productSecurityOptions, securityHeaders } from './security-headers';

describe('securityHeaders', () => {
  it("works out helmet's headers once: the CSP as given, nosniff, no HSTS when turned off", () => {
    const headers = securityHeaders({
      contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], objectSrc: ["'none'"] } },
      strictTransportSecurity: false,
    });
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).toContain("object-src 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(headers['strict-transport-security']).toBeUndefined();
  });

  it('should not ask browsers to upgrade to https or send HSTS when the product is served over plain HTTP', () => {
    const headers = securityHeaders(productSecurityOptions(false));
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(headers['strict-transport-security']).toBeUndefined();
    expect(headers['cross-origin-opener-policy']).toBeUndefined();
  });

  it('should upgrade requests and send HSTS when the product is served over TLS', () => {
    const headers = securityHeaders(productSecurityOptions(true));
    expect(headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(headers['strict-transport-security']).toContain('max-age=31536000');
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  });
});
