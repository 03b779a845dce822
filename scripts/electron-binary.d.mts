/** The path of the installed Electron executable, or null when it is not on this machine. */
export function electronBinary(packageDir?: string): string | null;
/** The one sentence `npm start` prints when it falls back to browser mode. */
export const NO_ELECTRON_MESSAGE: string;
