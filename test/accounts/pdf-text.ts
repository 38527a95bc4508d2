/** The text cells of an uncompressed pdfkit PDF (standard fonts: WinAnsi bytes as hex in TJ arrays), in page order. */
export function pdfTextCells(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  const cells: string[] = [];
  for (const match of source.matchAll(/\[([^\]]*)\] TJ/g)) {
    const hexes = [...(match[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) => hex[1] ?? '');
    cells.push(Buffer.from(hexes.join(''), 'hex').toString('latin1'));
  }
  return cells;
}
