/**
 * Windows updates must be signed by Saldo's publisher before electron-updater runs them. electron-updater
 * checks the signer with PowerShell's Get-AuthenticodeSignature against the publisherName that
 * electron-builder writes into app-update.yml, but it lets an update through in two cases this file closes:
 * when app-update.yml carries no publisherName (it then skips the check), and when PowerShell itself fails
 * (it logs and accepts). So: auto-update does not start on Windows without a publisherName, and before the
 * PowerShell check every update must be a Windows executable that carries an Authenticode signature at all.
 * Plain Node: tested without Electron (test/electron-host/updates.test.ts).
 */
import { open } from 'node:fs/promises';
import type { VerifyUpdateCodeSignature } from 'electron-updater';

/** The first bytes of a PE file hold every header this check reads. */
const HEADER_BYTES = 4096;
const IMAGE_DIRECTORY_ENTRY_SECURITY = 4;
const PE32_MAGIC = 0x10b;
const PE32_PLUS_MAGIC = 0x20b;
const WIN_CERT_REVISION_2_0 = 0x0200;
const WIN_CERT_TYPE_PKCS_SIGNED_DATA = 0x0002;

type Location = { offset: number; size: number };

/**
 * Where the Authenticode certificate table of a PE file is, or why there is none. Offsets follow the PE/COFF
 * specification: e_lfanew at 0x3C, then "PE\0\0", the 20-byte COFF header and the optional header, whose data
 * directories start at 96 (PE32) or 112 (PE32+) bytes; entry 4 is the certificate table (a file offset).
 */
export function locateCertificateTable(header: Buffer, fileSize: number): Location | string {
  if (header.length < 0x40 || header.toString('latin1', 0, 2) !== 'MZ') return 'not a Windows executable';
  const peOffset = header.readUInt32LE(0x3c);
  const optionalHeader = peOffset + 24;
  if (optionalHeader + 2 > header.length || header.toString('latin1', peOffset, peOffset + 4) !== 'PE\0\0') {
    return 'not a Windows executable';
  }
  const magic = header.readUInt16LE(optionalHeader);
  if (magic !== PE32_MAGIC && magic !== PE32_PLUS_MAGIC) return 'not a Windows executable';
  const rvaCountOffset = optionalHeader + (magic === PE32_MAGIC ? 92 : 108);
  const directories = rvaCountOffset + 4;
  const entry = directories + IMAGE_DIRECTORY_ENTRY_SECURITY * 8;
  if (entry + 8 > header.length) return 'not a Windows executable';
  if (header.readUInt32LE(rvaCountOffset) <= IMAGE_DIRECTORY_ENTRY_SECURITY) return 'the update is not signed';
  const offset = header.readUInt32LE(entry);
  const size = header.readUInt32LE(entry + 4);
  if (offset === 0 || size < 8) return 'the update is not signed';
  if (offset + size > fileSize) return 'the update’s signature is truncated';
  return { offset, size };
}

/** The first certificate entry must be a PKCS#7 SignedData blob (WIN_CERTIFICATE, revision 2.0). */
export function certificateEntryProblem(entry: Buffer, table: Location): string | null {
  const length = entry.readUInt32LE(0);
  if (length < 8 || length > table.size) return 'the update’s signature is malformed';
  if (entry.readUInt16LE(4) !== WIN_CERT_REVISION_2_0 || entry.readUInt16LE(6) !== WIN_CERT_TYPE_PKCS_SIGNED_DATA) {
    return 'the update’s signature is not Authenticode';
  }
  return null;
}

/** Why the file at `path` carries no Authenticode signature, or null when it carries one (trust not judged). */
export async function authenticodeSignatureProblem(path: string): Promise<string | null> {
  const file = await open(path, 'r');
  try {
    const { size: fileSize } = await file.stat();
    const header = Buffer.alloc(Math.min(HEADER_BYTES, fileSize));
    await file.read(header, 0, header.length, 0);
    const table = locateCertificateTable(header, fileSize);
    if (typeof table === 'string') return table;
    const entry = Buffer.alloc(8);
    await file.read(entry, 0, 8, table.offset);
    return certificateEntryProblem(entry, table);
  } finally {
    await file.close();
  }
}

/**
 * Wraps electron-updater's verifier (the PowerShell publisher check): an update is refused (a non-null
 * reason) when no publisher is configured or the file carries no Authenticode signature; otherwise the
 * publisher check decides. Any error while reading the file refuses the update too.
 */
export function requireSignedUpdates(publisherCheck: VerifyUpdateCodeSignature): VerifyUpdateCodeSignature {
  return async (publisherNames, path) => {
    if (publisherNames.filter((name) => typeof name === 'string' && name.trim() !== '').length === 0) {
      return 'no publisher name is configured, so the update cannot be verified';
    }
    try {
      const problem = await authenticodeSignatureProblem(path);
      if (problem !== null) return problem;
    } catch (error) {
      return `the update could not be read to check its signature: ${error instanceof Error ? error.message : String(error)}`;
    }
    return publisherCheck(publisherNames, path);
  };
}

/**
 * Whether app-update.yml (written by electron-builder beside the app) names the publisher whose signature
 * updates must carry. electron-builder writes `publisherName: Name` or a `publisherName:` list of `- Name`.
 */
export function updateConfigNamesPublisher(appUpdateYml: string): boolean {
  const inline = /^publisherName:[ \t]*(?!\[\s*\])(?!null\b)(?!~)\S/m;
  const list = /^publisherName:[ \t]*\r?\n[ \t]+-[ \t]*\S/m;
  return inline.test(appUpdateYml) || list.test(appUpdateYml);
}
