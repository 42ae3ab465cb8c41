/** Tiny images built byte by byte, so the tests need no binary fixtures. */

function u16(value: number): number[] {
  return [(value >> 8) & 255, value & 255];
}

function u32(value: number): number[] {
  return [(value >>> 24) & 255, (value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function ascii(text: string): number[] {
  return [...text].map((char) => char.charCodeAt(0));
}

/** A PNG signature and IHDR chunk: all image-size needs for the dimensions. */
export function pngHeader(width: number, height: number): Uint8Array {
  const ihdr = [...u32(width), ...u32(height), 8, 6, 0, 0, 0];
  return Uint8Array.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ...u32(ihdr.length), ...ascii('IHDR'), ...ihdr, ...u32(0),
  ]);
}

interface JpegOptions {
  readonly width: number;
  readonly height: number;
  /** EXIF DateTimeOriginal, "YYYY:MM:DD HH:MM:SS". */
  readonly dateTimeOriginal?: string;
  /** EXIF OffsetTimeOriginal, "+02:00". */
  readonly offsetTimeOriginal?: string;
  /** EXIF Orientation 1..8. */
  readonly orientation?: number;
}

type IfdEntry = { tag: number; type: number; count: number; value: number[] };

/** A big-endian TIFF IFD at `offset`, with out-of-line ASCII values after it. */
function ifd(entries: IfdEntry[], offset: number): number[] {
  const size = 2 + entries.length * 12 + 4;
  let dataOffset = offset + size;
  const head: number[] = [...u16(entries.length)];
  const data: number[] = [];
  for (const entry of entries) {
    head.push(...u16(entry.tag), ...u16(entry.type), ...u32(entry.count));
    if (entry.value.length <= 4) {
      head.push(...entry.value, ...new Array<number>(4 - entry.value.length).fill(0));
    } else {
      head.push(...u32(dataOffset));
      data.push(...entry.value);
      dataOffset += entry.value.length;
    }
  }
  return [...head, ...u32(0), ...data];
}

/** A baseline JPEG skeleton: SOI, an EXIF APP1 segment (when asked), SOF0 with the size, EOI. */
export function jpegWithExif(options: JpegOptions): Uint8Array {
  const exifEntries: IfdEntry[] = [];
  if (options.dateTimeOriginal !== undefined) {
    const value = [...ascii(options.dateTimeOriginal), 0];
    exifEntries.push({ tag: 0x9003, type: 2, count: value.length, value });
  }
  if (options.offsetTimeOriginal !== undefined) {
    const value = [...ascii(options.offsetTimeOriginal), 0];
    exifEntries.push({ tag: 0x9011, type: 2, count: value.length, value });
  }
  const ifd0Entries: IfdEntry[] = [];
  if (options.orientation !== undefined) {
    ifd0Entries.push({ tag: 0x0112, type: 3, count: 1, value: u16(options.orientation) });
  }
  const ifd0Size = 2 + (ifd0Entries.length + 1) * 12 + 4;
  ifd0Entries.push({ tag: 0x8769, type: 4, count: 1, value: u32(8 + ifd0Size) });
  const tiff = [...ascii('MM'), 0, 42, ...u32(8), ...ifd(ifd0Entries, 8), ...ifd(exifEntries, 8 + ifd0Size)];
  const app1 = [...ascii('Exif'), 0, 0, ...tiff];
  const sof = [8, ...u16(options.height), ...u16(options.width), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return Uint8Array.from([
    0xff, 0xd8,
    0xff, 0xe1, ...u16(app1.length + 2), ...app1,
    0xff, 0xc0, ...u16(sof.length + 2), ...sof,
    0xff, 0xd9,
  ]);
}
