import { crc32, deflateSync } from 'node:zlib';

/** An 8-bit RGB colour. */
export type Rgb = readonly [red: number, green: number, blue: number];

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** Buffers store numbers modulo 256: clamp and round so 300 means white, not dark grey. */
const channel = (value: number): number => Math.min(255, Math.max(0, Math.round(value)));

/** One PNG chunk: length, type, data, and the CRC-32 of type and data. */
function chunk(type: string, data: Uint8Array): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const framed = Buffer.alloc(4 + typeAndData.length + 4);
  framed.writeUInt32BE(data.length, 0);
  typeAndData.copy(framed, 4);
  framed.writeUInt32BE(crc32(typeAndData), 4 + typeAndData.length);
  return framed;
}

/**
 * A real PNG (8-bit truecolour, no interlace, filter "none" on every row) of `width` x `height`
 * pixels coloured by `pixel`, built with node:zlib alone so the demo needs no image library.
 */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => Rgb): Uint8Array {
  const rowLength = 1 + width * 3;
  const raw = Buffer.alloc(rowLength * height);
  for (let y = 0; y < height; y += 1) {
    // Each row starts with its filter type byte, 0 (none), already zero in the allocated buffer.
    for (let x = 0; x < width; x += 1) {
      const [red, green, blue] = pixel(x, y);
      const at = y * rowLength + 1 + x * 3;
      raw[at] = channel(red);
      raw[at + 1] = channel(green);
      raw[at + 2] = channel(blue);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour
  // compression, filter method and interlace stay 0
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0))]);
}
