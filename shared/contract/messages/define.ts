/** One user-facing message in both languages; `{name}` placeholders are filled from an error's params. */
export interface MessageText {
  en: string;
  ko: string;
}

/** Values an error message may name: a file, a line, a limit… (never an object). */
export type MessageParams = Record<string, string | number>;

/** Declares a domain's messages (keys are `domain.what-happened`); test/unit/contract/messages.test.ts holds both languages to the same placeholders. */
export function defineMessages<const T extends Record<string, MessageText>>(messages: T): T {
  return messages;
}
