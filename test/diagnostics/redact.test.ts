/** What support may see: a number's last 4 digits, never a credential, whatever shape the text has. */
import { describe, expect, it } from 'vitest';
import { createRedactor, maskPhone } from '../../electron/core/diagnostics/redact';

describe('redaction for the support bundle', () => {
  it('keeps only the last 4 digits of a phone number', () => {
    expect(maskPhone('5512345678')).toBe('******5678');
    expect(maskPhone('+52 55 1234 5678')).toBe('********5678');
  });

  it('removes a known credential anywhere in a line, and masks secret-named fields and quoted numbers', () => {
    const redactor = createRedactor({ secrets: ['s3cr3t-value-123'], phones: ['5512345678'] });
    const line = JSON.stringify({ event: 'http', url: 'https://x/?key=s3cr3t-value-123', apiKey: 'something-else', phone: '5599990000', note: 'to 5512345678' });
    const out = redactor.text(line);
    expect(out).not.toContain('s3cr3t-value-123');
    expect(out).not.toContain('something-else');
    expect(out).not.toContain('5599990000');
    expect(out).not.toContain('5512345678');
    expect(out).toContain('******0000');
    expect(out).toContain('to ******5678');
  });

  it('leaves ordinary numbers and short values alone', () => {
    const redactor = createRedactor({ secrets: ['ab'] });
    expect(redactor.text('{"atMs":1732900000000,"count":3,"note":"ab"}')).toBe('{"atMs":1732900000000,"count":3,"note":"ab"}');
  });
});
