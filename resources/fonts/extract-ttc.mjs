/**
 * Extracts one face of an OpenType collection (.ttc) into a standalone font: copies the tables
 * the face's directory points at into a new file with fresh offsets. `postscriptName` selects the
 * face (its name table must contain it, in UTF-16BE).
 */
export function extractFace(buf, postscriptName) {
  if (buf.toString('latin1', 0, 4) !== 'ttcf') throw new Error('not a TTC');
  const numFonts = buf.readUInt32BE(8);
  for (let f = 0; f < numFonts; f++) {
    const off = buf.readUInt32BE(12 + 4 * f);
    const numTables = buf.readUInt16BE(off + 4);
    const tables = [];
    for (let t = 0; t < numTables; t++) {
      const rec = off + 12 + 16 * t;
      tables.push({
        tag: buf.toString('latin1', rec, rec + 4),
        checksum: buf.readUInt32BE(rec + 4),
        offset: buf.readUInt32BE(rec + 8),
        length: buf.readUInt32BE(rec + 12),
      });
    }
    const name = tables.find((t) => t.tag === 'name');
    const names = Buffer.from(buf.subarray(name.offset, name.offset + name.length)).swap16().toString('utf16le');
    if (!names.includes(postscriptName)) continue;
    const header = Buffer.alloc(12 + 16 * numTables);
    buf.copy(header, 0, off, off + 12);
    const parts = [];
    let pos = header.length;
    tables.forEach((t, i) => {
      const padded = Buffer.alloc((t.length + 3) & ~3);
      buf.copy(padded, 0, t.offset, t.offset + t.length);
      const rec = 12 + 16 * i;
      header.write(t.tag, rec, 'latin1');
      header.writeUInt32BE(t.checksum, rec + 4);
      header.writeUInt32BE(pos, rec + 8);
      header.writeUInt32BE(t.length, rec + 12);
      parts.push(padded);
      pos += padded.length;
    });
    return Buffer.concat([header, ...parts]);
  }
  throw new Error(`face not found: ${postscriptName}`);
}
