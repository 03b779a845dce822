/**
 * The one way the renderer saves a file: through a temporary `<a download>` on an object URL, which
 * works in Electron and in the browser alike (browser mode never writes to a path itself).
 */

/** Saves a blob (or bytes of the given type) as a download named `fileName`. */
export function downloadBlob(data: Blob | Uint8Array, fileName: string, type = 'application/octet-stream'): void {
  const blob = data instanceof Blob ? data : new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not at once: some browsers start reading the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves text (a CSV that already carries its BOM, an SVG, Markdown) as a download. */
export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type }), fileName);
}
