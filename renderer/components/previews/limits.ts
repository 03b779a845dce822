/**
 * The limits the previews apply, in one place (and in the README):
 *
 * - AlimTalk (KakaoTalk informational message): the template body may hold at most 1,000
 *   characters (Kakao's AlimTalk template limit, variables counted after filling) and at most five
 *   buttons. Links in the text become buttons, in order.
 * - iOS lock screen: the notification shows the sender on one line and the body clamped to four
 *   lines; the rest is visible only after a long press.
 * - Android lock screen: a collapsed notification shows the title and one line of body; expanded
 *   (BigTextStyle) it shows up to seven lines.
 * Lines are clamped with CSS, so the cut moves with the phone width and the font scale, as on a phone.
 */
export const PREVIEW_LIMITS = {
  alimtalkMaxChars: 1000,
  alimtalkMaxButtons: 5,
  iosBodyLines: 4,
  androidCollapsedLines: 1,
  androidExpandedLines: 7,
  minWidth: 320,
  maxWidth: 430,
  minFontScale: 1,
  maxFontScale: 2,
} as const;

/** Counts characters as a person (and Kakao's counter) does: by code point, not UTF-16 unit. */
export function countChars(text: string): number {
  return Array.from(text).length;
}
