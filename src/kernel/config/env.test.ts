import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './env.ts';

describe('mail configuration', () => {
  it('is off without SMTP_URL', () => {
    expect(readConfig({}).mail).toBeNull();
  });

  it('takes SMTP_URL and MAIL_FROM together', () => {
    expect(readConfig({ SMTP_URL: 'smtp://user:pass@mail.example.jp:587', MAIL_FROM: '旭区 事務局 <asahi@example.jp>' }).mail).toEqual({
      smtpUrl: 'smtp://user:pass@mail.example.jp:587',
      from: '旭区 事務局 <asahi@example.jp>',
    });
  });

  it('explains in Japanese what is wrong', () => {
    expect(() => readConfig({ SMTP_URL: 'smtp://mail.example.jp' })).toThrow(ConfigError);
    expect(() => readConfig({ SMTP_URL: 'smtp://mail.example.jp' })).toThrow('MAIL_FROM');
    expect(() => readConfig({ SMTP_URL: 'mail.example.jp:25', MAIL_FROM: 'a@example.jp' })).toThrow('SMTP_URL: smtp://ユーザー:パスワード@ホスト:587 の形で');
  });
});

describe('HSTS', () => {
  it('covers subdomains by default, and can be narrowed or turned off', () => {
    expect(readConfig({}).hsts).toBe('include-subdomains');
    expect(readConfig({ HSTS: 'this-host' }).hsts).toBe('this-host');
    expect(() => readConfig({ HSTS: 'yes' })).toThrow('HSTS');
  });
});

describe('IMPORT_PREVIEW_DAYS', () => {
  it('keeps imports never confirmed for two weeks by default, and takes a positive number of days', () => {
    expect(readConfig({}).importPreviewDays).toBe(14);
    expect(readConfig({ IMPORT_PREVIEW_DAYS: '2.5' }).importPreviewDays).toBe(2.5);
    expect(() => readConfig({ IMPORT_PREVIEW_DAYS: '0' })).toThrow('IMPORT_PREVIEW_DAYS');
  });
});

describe('TRUST_PROXY', () => {
  it('trusts no proxy by default, and takes a number of proxies or their addresses and networks', () => {
    expect(readConfig({}).trustProxy).toEqual({ kind: 'none' });
    expect(readConfig({ TRUST_PROXY: '2' }).trustProxy).toEqual({ kind: 'hops', hops: 2 });
    expect(readConfig({ TRUST_PROXY: '10.0.0.5, 192.168.0.0/24,fd00::/8' }).trustProxy).toEqual({ kind: 'addresses', entries: ['10.0.0.5', '192.168.0.0/24', 'fd00::/8'] });
  });

  it('says in Japanese which entries it cannot read', () => {
    expect(() => readConfig({ TRUST_PROXY: '10.0.0.5, proxy.example.jp, 10.0.0.0/33' })).toThrow('TRUST_PROXY: プロキシのアドレスかネットワーク');
    expect(() => readConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow('読めないもの: 10.0.0.0/33');
  });
});
