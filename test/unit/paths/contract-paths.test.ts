import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '../../../shared/contract/index.ts';

/** The field names of a call's input (of every branch of a union). */
function fieldNames(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).flatMap(fieldNames);
  if (schema instanceof z.ZodPipe) return fieldNames(schema.in as z.ZodType);
  return [];
}

/** Every call taking a file-system path, and the use its handler checks it for (test/unit/paths/holes.test.ts proves each). */
const CHECKED = {
  'workspace:create': 'workspace-create',
  'workspace:open': 'workspace-open',
  'workspace:connectWarehouse': 'workspace-create',
  'demo:create': 'workspace-create',
  'imports:start': 'import',
  'imports:preview': 'import',
  'imports:setWatchFolder': 'watch-folder',
  'disclosures:export': 'export',
  'review:exportThreads': 'export',
  'review:exportFile': 'export',
  'review:saveFile': 'export',
  'review:importFile': 'import',
  'review:openFile': 'import',
  'evidence:write': 'export',
  'evidence:verify': 'import',
};

describe('the contract’s path parameters', () => {
  it('are exactly the calls whose handlers ask the path policy', () => {
    const taking = Object.entries(contract)
      .filter(([, spec]) => fieldNames(spec.input).some((f) => /^(path|paths|file|files|folder|dir)$/.test(f)))
      .map(([name]) => name)
      .sort();
    expect(taking).toEqual(Object.keys(CHECKED).sort());
  });
});
