import { describe, expect, it } from 'vitest';
import { inJapanese } from '../testing/messages.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { passwordProblem } from './password-rules.ts';

describe('password rules (NIST SP 800-63B)', () => {
  it('asks for 12 characters, counting characters, not bytes', () => {
    expect(inJapanese(passwordProblem('elevenchars', 'someone'))).toBe('パスワードは12文字以上にしてください');
    expect(passwordProblem('ささえあいのまちづくり計画', 'someone')).toBeNull();
  });

  it('refuses the login, or a password containing it, whatever the case', () => {
    expect(inJapanese(passwordProblem('asahi-secretariat', 'asahi-secretariat'))).toBe('パスワードにログインIDを含めないでください');
    expect(inJapanese(passwordProblem('my-Hodogaya-2025!', 'hodogaya'))).toBe('パスワードにログインIDを含めないでください');
  });

  it('refuses a password from the list of common ones, whatever the case', () => {
    expect(inJapanese(passwordProblem('qwerty123456', 'someone'))).toBe('よく使われていて推測されやすいパスワードです。別のものにしてください');
    expect(inJapanese(passwordProblem('Administrator', 'someone'))).toBe('よく使われていて推測されやすいパスワードです。別のものにしてください');
  });

  it('refuses the demo accounts’ password, which the README publishes, as anyone’s new password', () => {
    for (const login of ['city-admin', 'asahi-secretariat', 'someone']) expect(inJapanese(passwordProblem(DEMO_PASSWORD, login))).toBe('デモ用に公開されているパスワードです。別のものにしてください');
  });
});
