import { PNG } from 'pngjs';

/**
 * Honbu's icons, drawn from geometry so `npm run icons` always produces the same
 * bytes: the character 本 ("hon", the HQ) as five round-capped strokes, white on
 * the app's navy for the colour icon, white on transparent for the outline icon.
 */

/** The app's accent colour (manifest `accentColor`, colour icon background). */
export const ACCENT = { hex: '#1E4E8C', rgb: [0x1e, 0x4e, 0x8c] } as const;

type Point = readonly [number, number];
interface Stroke {
  readonly from: Point;
  readonly to: Point;
}

/** 本 in a unit square: top bar, stem, two sweeping strokes, and the short bar. */
const HON: readonly Stroke[] = [
  { from: [0.14, 0.3], to: [0.86, 0.3] },
  { from: [0.5, 0.1], to: [0.5, 0.9] },
  { from: [0.46, 0.36], to: [0.15, 0.76] },
  { from: [0.54, 0.36], to: [0.85, 0.76] },
  { from: [0.33, 0.68], to: [0.67, 0.68] },
];

function distanceToSegment(p: Point, { from, to }: Stroke): number {
  const [dx, dy] = [to[0] - from[0], to[1] - from[1]];
  const lengthSquared = dx * dx + dy * dy;
  const t = Math.max(
    0,
    Math.min(1, ((p[0] - from[0]) * dx + (p[1] - from[1]) * dy) / lengthSquared),
  );
  return Math.hypot(p[0] - (from[0] + t * dx), p[1] - (from[1] + t * dy));
}

/** Distance from the rounded square of side 1 (corner radius r) — negative inside. */
function roundedSquareDistance([x, y]: Point, r: number): number {
  const qx = Math.abs(x - 0.5) - (0.5 - r);
  const qy = Math.abs(y - 0.5) - (0.5 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Fraction of a pixel covered by a shape, by 4×4 supersampling (anti-aliased edges). */
function coverage(size: number, x: number, y: number, inside: (p: Point) => boolean): number {
  const n = 4;
  let hits = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      if (inside([(x + (i + 0.5) / n) / size, (y + (j + 0.5) / n) / size])) hits++;
  return hits / (n * n);
}

/** Is p on the glyph, drawn inside the box [margin, 1 - margin] with this stroke width? */
function onGlyph(p: Point, margin: number, strokeWidth: number): boolean {
  const scale = 1 - 2 * margin;
  const local: Point = [(p[0] - margin) / scale, (p[1] - margin) / scale];
  return HON.some((s) => distanceToSegment(local, s) <= strokeWidth / 2);
}

function encode(png: PNG): Buffer {
  return PNG.sync.write(png, { colorType: 6 });
}

/** 192×192: white 本 on a navy rounded square (Teams crops it to its own shape anyway). */
export function drawColorIcon(size = 192): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const background = coverage(size, x, y, (p) => roundedSquareDistance(p, 0.18) <= 0);
      const glyph = coverage(size, x, y, (p) => onGlyph(p, 0.2, 0.085));
      const i = (y * size + x) * 4;
      ACCENT.rgb.forEach((channel, c) => {
        png.data[i + c] = Math.round(channel * (1 - glyph) + 255 * glyph);
      });
      png.data[i + 3] = Math.round(255 * background);
    }
  }
  return encode(png);
}

/** 32×32: the same glyph in white on a transparent background, strokes of about 3 px. */
export function drawOutlineIcon(size = 32): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const glyph = coverage(size, x, y, (p) => onGlyph(p, 0.04, 0.11));
      const i = (y * size + x) * 4;
      png.data[i] = png.data[i + 1] = png.data[i + 2] = 255;
      png.data[i + 3] = Math.round(255 * glyph);
    }
  }
  return encode(png);
}
