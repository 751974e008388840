import { redactUrl } from './redact-url';

describe('URLs in the request log', () => {
  it('hides the value of CSRF tokens, access tokens and passwords, encoded or not', () => {
    expect(redactUrl('/ho-so/1/tep?_csrf=abc123')).toBe('/ho-so/1/tep?_csrf=[redacted]');
    expect(redactUrl('/api/v1/x?page=2&access_token=eyJ.a.b&%5Fcsrf=z&Password=p')).toBe(
      '/api/v1/x?page=2&access_token=[redacted]&%5Fcsrf=[redacted]&Password=[redacted]',
    );
  });

  it('keeps every other parameter and a URL without a query as they are', () => {
    expect(redactUrl('/dang-nhap?tiep=%2Fho-so&het=1')).toBe('/dang-nhap?tiep=%2Fho-so&het=1');
    expect(redactUrl('/api/v1/systems?q=S%E1%BB%9F&bad=%E0%A4%A')).toBe('/api/v1/systems?q=S%E1%BB%9F&bad=%E0%A4%A');
    expect(redactUrl('/api/health')).toBe('/api/health');
  });
});
