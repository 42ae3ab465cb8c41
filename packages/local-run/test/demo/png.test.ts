import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng, type Rgb } from '../../src/demo/png.js';

interface Chunk {
  readonly type: string;
  readonly data: Buffer;
  readonly crcMatches: boolean;
}

/** Splits a PNG into its chunks after the signature, checking each CRC. */
function chunksOf(png: Buffer): Chunk[] {
  const chunks: Chunk[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const typeAndData = png.subarray(at + 4, at + 8 + length);
    chunks.push({
      type: typeAndData.subarray(0, 4).toString('latin1'),
      data: typeAndData.subarray(4),
      crcMatches: png.readUInt32BE(at + 8 + length) === crc32(typeAndData),
    });
    at += 12 + length;
  }
  return chunks;
}

describe('encodePng', () => {
  it('writes a truecolour PNG whose chunks check out and whose rows hold the given pixels, clamped', () => {
    const pixel = (x: number, y: number): Rgb => [x * 100, y * 100, 300 - x * 200];
    const png = Buffer.from(encodePng(3, 2, pixel));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const chunks = chunksOf(png);
    expect(chunks.map((chunk) => chunk.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(chunks.every((chunk) => chunk.crcMatches)).toBe(true);
    const header = chunks[0]!.data;
    expect([header.readUInt32BE(0), header.readUInt32BE(4), ...header.subarray(8)]).toEqual([3, 2, 8, 2, 0, 0, 0]);
    const raw = inflateSync(chunks[1]!.data);
    expect([...raw]).toEqual([
      0, 0, 0, 255, 100, 0, 100, 200, 0, 0,
      0, 0, 100, 255, 100, 100, 100, 200, 100, 0,
    ]);
  });
});
