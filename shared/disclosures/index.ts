/** The disclosure engine's pure modules (no DOM, no node:), for the backend and the studio. */
export * from './types.ts';
export * from './markdown.ts';
export * from './plain-text.ts';
export * from './variables.ts';
export * from './rules-schema.ts';
export * from './check.ts';
export * from './readability-en.ts';
export * from './readability-ko.ts';
export * from './status.ts';
export * from './emphasis.ts';
export * from './render-html.ts';
