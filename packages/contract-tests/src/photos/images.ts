import { crc32, deflateSync } from 'node:zlib';

/** Tiny but complete images built in code, so no test needs binary fixtures. */

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A valid RGBA PNG of one grey (signature, IHDR, IDAT, IEND with real CRCs). */
export function png(width: number, height: number): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 4, 0x7f)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk('IHDR', header),
      pngChunk('IDAT', pixels),
      pngChunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

const u16 = (value: number) => [(value >> 8) & 255, value & 255];
const u32 = (value: number) => [(value >>> 24) & 255, (value >> 16) & 255, (value >> 8) & 255, value & 255];
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/**
 * A JPEG skeleton (SOI, EXIF APP1 with DateTimeOriginal "YYYY:MM:DD HH:MM:SS", SOF0, EOI): enough for
 * the image inspector to read the size and the capture time.
 */
export function jpegTakenAt(width: number, height: number, dateTimeOriginal: string): Uint8Array {
  const date = [...ascii(dateTimeOriginal), 0];
  // Big-endian TIFF: IFD0 at 8 holds one entry (the Exif IFD pointer, to 26); the Exif IFD holds
  // DateTimeOriginal, whose 20 bytes follow it at 44.
  const tiff = [
    ...ascii('MM'), 0, 42, ...u32(8),
    ...u16(1), ...u16(0x8769), ...u16(4), ...u32(1), ...u32(26), ...u32(0),
    ...u16(1), ...u16(0x9003), ...u16(2), ...u32(date.length), ...u32(44), ...u32(0),
    ...date,
  ];
  const app1 = [...ascii('Exif'), 0, 0, ...tiff];
  const sof = [8, ...u16(height), ...u16(width), 1, 1, 0x11, 0];
  return Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, ...u16(app1.length + 2), ...app1, 0xff, 0xc0, ...u16(sof.length + 2), ...sof, 0xff, 0xd9]);
}
