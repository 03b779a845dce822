import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../shared/contract/index.ts';
import { api } from './api.ts';
import { pathForUpload } from './import-hooks.ts';

/**
 * Typed hooks over the evidence pack's calls (docs/evidence.md): writing a pack for a period, and
 * verifying a pack the user chose.
 */

/**
 * Writes the pack as one zip: Electron's main asks where to save it (path null and no bytes: the
 * dialog was cancelled); browser mode gets the bytes back as base64 for a download. Writing records
 * an entry in the audit trail, so the trail is refreshed.
 */
export function useWriteEvidence() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'evidence:write'>) => api()['evidence:write'](input),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['audit'] }),
  });
}

/**
 * Verifies a pack zip the user picked: Electron reads it where it is; browser mode uploads it first
 * (the route imports use) and verifies the uploaded copy.
 */
export function useVerifyEvidence() {
  return useMutation({
    mutationFn: async (input: { file: File; manifestSha256?: string }) => {
      const path = await pathForUpload(input.file);
      return api()['evidence:verify']({ path, ...(input.manifestSha256 ? { manifestSha256: input.manifestSha256 } : {}) });
    },
  });
}
