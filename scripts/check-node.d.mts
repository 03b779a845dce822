/** The oldest Node that runs Notice Desk's TypeScript sources directly. */
export const MINIMUM_NODE: [number, number];
/** The one-line problem with a Node version, or null when it is new enough. */
export function nodeVersionProblem(version: string): string | null;
/** Exits with status 2 and the one-line message when this Node is too old. */
export function requireSupportedNode(): void;
