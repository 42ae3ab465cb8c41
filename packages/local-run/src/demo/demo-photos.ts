import type { Rgb } from './png.js';

/** A demo photo: what its owner uploads and the details they give it. */
export interface DemoPhoto {
  readonly filename: string;
  readonly title: string;
  readonly description: string | null;
  readonly tags: readonly string[];
  readonly metadata: Readonly<Record<string, string>>;
  readonly width: number;
  readonly height: number;
  /** The picture, pixel by pixel (x to the right, y downwards). */
  readonly pixel: (x: number, y: number) => Rgb;
}

const mix = (from: Rgb, to: Rgb, t: number): Rgb => [
  from[0] + (to[0] - from[0]) * t,
  from[1] + (to[1] - from[1]) * t,
  from[2] + (to[2] - from[2]) * t,
];

const WIDTH = 640;
const HEIGHT = 400;

/** Six small synthetic pictures with titles, tags and a little metadata, drawn in code. */
export const DEMO_PHOTOS: readonly DemoPhoto[] = [
  {
    filename: 'sunrise-over-the-bay.png',
    title: 'Sunrise over the bay',
    description: 'Up at five for this one.',
    tags: ['sunrise', 'sea'],
    metadata: { location: 'the bay' },
    width: WIDTH,
    height: HEIGHT,
    pixel: (x, y) => {
      const horizon = HEIGHT * 0.62;
      const sun = Math.hypot(x - WIDTH / 2, y - horizon) < 60 && y < horizon;
      if (sun) return [255, 214, 102];
      return y < horizon
        ? mix([40, 60, 140], [250, 150, 90], y / horizon)
        : mix([60, 90, 150], [20, 40, 90], (y - horizon) / (HEIGHT - horizon));
    },
  },
  {
    filename: 'mountain-ridge.png',
    title: 'Mountain ridge',
    description: null,
    tags: ['mountains', 'nature'],
    metadata: { camera: 'demo' },
    width: WIDTH,
    height: HEIGHT,
    pixel: (x, y) => {
      const ridge = HEIGHT * 0.55 - 70 * Math.abs(Math.sin(x / 90)) - 25 * Math.sin(x / 23);
      return y > ridge ? mix([70, 80, 90], [30, 35, 40], (y - ridge) / HEIGHT) : mix([150, 200, 240], [220, 235, 250], y / ridge);
    },
  },
  {
    filename: 'forest-path.png',
    title: 'Forest path',
    description: 'The long way home.',
    tags: ['forest', 'nature'],
    metadata: {},
    width: WIDTH,
    height: HEIGHT,
    pixel: (x, y) => {
      const path = Math.abs(x - WIDTH / 2) < (y / HEIGHT) * 140;
      if (path && y > HEIGHT * 0.35) return [170, 140, 100];
      const trunk = x % 80 < 10;
      return trunk ? [90, 60, 40] : mix([30, 90, 40], [80, 150, 70], (Math.sin(x / 7) * Math.cos(y / 9) + 1) / 2);
    },
  },
  {
    filename: 'city-lights.png',
    title: 'City lights',
    description: null,
    tags: ['city', 'night'],
    metadata: {},
    width: WIDTH,
    height: HEIGHT,
    pixel: (x, y) => {
      const block = Math.floor(x / 64);
      const roof = HEIGHT * (0.3 + 0.08 * ((block * 7) % 5));
      if (y < roof) return mix([10, 10, 40], [40, 30, 80], y / roof);
      const lit = x % 16 < 8 && y % 20 < 10 && (Math.floor(x / 16) + Math.floor(y / 20) + block) % 3 !== 0;
      return lit ? [255, 220, 120] : [25, 25, 35];
    },
  },
  {
    filename: 'ripples.png',
    title: 'Ripples',
    description: 'A stone in the pond.',
    tags: ['water', 'pattern'],
    metadata: {},
    width: WIDTH,
    height: HEIGHT,
    pixel: (x, y) => mix([20, 80, 140], [140, 200, 230], (Math.sin(Math.hypot(x - 320, y - 200) / 9) + 1) / 2),
  },
  {
    filename: 'kitchen-tiles.png',
    title: 'Kitchen tiles',
    description: null,
    tags: ['pattern'],
    metadata: { room: 'kitchen' },
    width: 400,
    height: 400,
    pixel: (x, y) => ((Math.floor(x / 50) + Math.floor(y / 50)) % 2 === 0 ? [235, 235, 225] : [40, 110, 120]),
  },
];
