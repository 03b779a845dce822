import { describe, expect, it } from 'vitest';
import { AppError, appErrorCodes, describeError, summarizeError, userError } from '../../../shared/contract/errors.ts';
import { codeMessage, errorMessages } from '../../../shared/contract/messages/index.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the error message registry', () => {
  it('words every error code in English and Korean', () => {
    for (const code of appErrorCodes) {
      expect(Object.hasOwn(errorMessages, `code.${code}`), code).toBe(true);
      expect(codeMessage(code, 'en')).not.toBe(codeMessage(code, 'ko'));
    }
  });

  it('gives every message non-empty English and Korean with the same placeholders', () => {
    for (const [key, text] of Object.entries(errorMessages)) {
      expect(text.en.trim(), key).not.toBe('');
      expect(text.ko.trim(), key).not.toBe('');
      expect(placeholders(text.ko), key).toEqual(placeholders(text.en));
    }
  });

  it('carries the key and params of a worded error across a transport and words it in Korean', () => {
    const sent = userError('too-large', 'code.too-large', { limit: 5 });
    const received = AppError.fromShape(JSON.parse(JSON.stringify(sent.toShape())) as ReturnType<AppError['toShape']>);
    expect(received.message).toBe(errorMessages['code.too-large'].en);
    expect(describeError(received, 'ko')).toEqual({ message: errorMessages['code.too-large'].ko, code: 'too-large' });
  });

  it('keeps the shape of an error without wording as it was; in Korean its code is worded, its English kept beneath', () => {
    const plain = new AppError('not-found', 'x.csv does not exist.', { file: 'x.csv' });
    expect(plain.toShape()).toEqual({ code: 'not-found', message: 'x.csv does not exist.', details: { file: 'x.csv' } });
    expect(describeError(plain, 'ko')).toEqual({ message: errorMessages['code.not-found'].ko, detail: 'x.csv does not exist.', code: 'not-found' });
    expect(describeError(plain, 'en')).toEqual({ message: 'x.csv does not exist.', code: 'not-found' });
  });

  it('words an error carried in a result (a summary, not an AppError) and any thrown value', () => {
    const summary = summarizeError(userError('not-found', 'workspace.missing', { file: 'a.sqlite' }));
    expect(summary).toEqual({ code: 'not-found', message: 'a.sqlite does not exist.', key: 'workspace.missing', params: { file: 'a.sqlite' } });
    expect(describeError(JSON.parse(JSON.stringify(summary)), 'ko').message).toBe('파일이 없습니다: a.sqlite');
    expect(describeError(new TypeError('Failed to fetch'), 'ko')).toEqual({ message: errorMessages['code.internal'].ko, detail: 'Failed to fetch', code: undefined });
    expect(describeError(new TypeError('Failed to fetch'), 'en')).toEqual({ message: 'Failed to fetch', code: undefined });
    expect(summarizeError(new Error('boom'))).toEqual({ code: 'internal', message: 'boom' });
  });

  it('words a Korean error with the particle its filled-in word takes, as the UI’s own messages do', () => {
    const ko = (file: string) => describeError(userError('file-unreadable', 'evidence.unreadable', { file, reason: 'x' }), 'ko').message;
    expect(ko('검토 묶음')).toMatch(/^검토 묶음을 /);
    expect(ko('보고서')).toMatch(/^보고서를 /);
    expect(ko('report.csv')).toMatch(/^report\.csv를 /); // Latin letters by their names, as in the UI (브이)
    expect(ko('pack.zip')).not.toContain('(를)');
    expect(describeError(userError('file-unreadable', 'evidence.unreadable', { file: 'pack.zip', reason: 'x' }), 'en').message).toMatch(/^pack\.zip/);
  });
});
