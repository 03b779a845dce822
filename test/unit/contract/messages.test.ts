import { describe, expect, it } from 'vitest';
import { AppError, appErrorCodes, localizedErrorMessage, userError } from '../../../shared/contract/errors.ts';
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
    expect(localizedErrorMessage(received, 'ko')).toBe(errorMessages['code.too-large'].ko);
  });

  it('keeps the shape of an error without wording as it was, and shows its own message', () => {
    const plain = new AppError('not-found', 'x.csv does not exist.', { file: 'x.csv' });
    expect(plain.toShape()).toEqual({ code: 'not-found', message: 'x.csv does not exist.', details: { file: 'x.csv' } });
    expect(localizedErrorMessage(plain, 'ko')).toBe('x.csv does not exist.');
  });
});
