import { describe, expect, it } from 'vitest';
import { crashesIn } from '../../../scripts/vitest-run.ts';

const crash = (file: string, signal = 'SIGSEGV') =>
  `\u001b[31m\u001b[1mCaused by: Error\u001b[22m: Worker exited unexpectedly with signal ${signal} during started state while running test file ${file}\u001b[39m\n`;

describe('npm test’s one allowance (scripts/vitest-run.ts)', () => {
  it('names the files whose process a signal killed, when nothing else failed', () => {
    const out = `${crash('/w/test/unit/a.test.ts')}${crash('/w/test/unit/b.test.ts', 'SIGTRAP')}${crash('/w/test/unit/a.test.ts')}
 Test Files  112 passed (115)\n      Tests  1373 passed (1386)\n     Errors  3 errors\n`;
    expect(crashesIn(out)).toEqual({ files: ['/w/test/unit/a.test.ts', '/w/test/unit/b.test.ts'], otherFailures: false });
  });

  it('reruns nothing when a test failed too, or when nothing crashed', () => {
    const failed = `${crash('/w/a.test.ts')}\n FAIL  unit  test/unit/c.test.ts > x\n Test Files  1 failed | 2 passed (3)\n`;
    expect(crashesIn(failed).otherFailures).toBe(true);
    expect(crashesIn(' Tests  1 failed | 5 passed (6)\n')).toEqual({ files: [], otherFailures: true });
    expect(crashesIn('Error: something else\n')).toEqual({ files: [], otherFailures: false });
  });
});
