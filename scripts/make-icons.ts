/**
 * `npm run icons`: draws the two Teams app icons into appPackage/ with node built-ins only.
 * color.png is 192x192 (white megaphone on the accent colour, full bleed; Teams rounds the corners);
 * outline.png is 32x32, white on transparent, as Teams requires. The output is deterministic, so
 * re-running it leaves the committed PNGs unchanged unless the drawing changes.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePng, type RgbaImage } from './lib/png.js';

/** Must match `accentColor` in appPackage/manifest.json. */
export const ACCENT_COLOR = '#0F766E';

type Point = readonly [number, number];

function insidePolygon(x: number, y: number, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i, i += 1) {
    const [xi, yi] = polygon[i] as Point;
    const [xj, yj] = polygon[j] as Point;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function insideArc(x: number, y: number, inner: number, outer: number): boolean {
  const dx = x - 0.62;
  const dy = y - 0.5;
  const r = Math.hypot(dx, dy);
  return dx > 0 && r >= inner && r <= outer && Math.abs(Math.atan2(dy, dx)) <= (40 * Math.PI) / 180;
}

/** The megaphone in unit coordinates (0..1 both ways, y down). */
export function megaphoneCovers(x: number, y: number): boolean {
  return (
    insidePolygon(x, y, [[0.28, 0.38], [0.64, 0.18], [0.64, 0.82], [0.28, 0.62]]) ||
    insidePolygon(x, y, [[0.1, 0.38], [0.3, 0.38], [0.3, 0.62], [0.1, 0.62]]) ||
    insidePolygon(x, y, [[0.2, 0.6], [0.31, 0.6], [0.34, 0.84], [0.24, 0.84]]) ||
    insideArc(x, y, 0.12, 0.18) ||
    insideArc(x, y, 0.25, 0.31)
  );
}

/** Fraction of a pixel covered by the symbol, from a 4x4 supersample. */
function coverage(px: number, py: number, size: number, inset: number): number {
  const span = size - 2 * inset;
  let hits = 0;
  for (let sy = 0; sy < 4; sy += 1) {
    for (let sx = 0; sx < 4; sx += 1) {
      const u = (px + (sx + 0.5) / 4 - inset) / span;
      const v = (py + (sy + 0.5) / 4 - inset) / span;
      if (u >= 0 && u <= 1 && v >= 0 && v <= 1 && megaphoneCovers(u, v)) hits += 1;
    }
  }
  return hits / 16;
}

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

/** 192x192: white symbol on the accent colour, the symbol inside the central safe area. */
export function drawColorIcon(size = 192): RgbaImage {
  const [r, g, b] = hexToRgb(ACCENT_COLOR);
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const c = coverage(x, y, size, size * 0.2);
      const blend = (channel: number) => Math.round(channel + (255 - channel) * c);
      data.set([blend(r), blend(g), blend(b), 255], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

/** 32x32: pure white, the shape carried by alpha only, transparent elsewhere. */
export function drawOutlineIcon(size = 32): RgbaImage {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const alpha = Math.round(coverage(x, y, size, 1) * 255);
      data.set(alpha === 0 ? [0, 0, 0, 0] : [255, 255, 255, alpha], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

/** Write color.png and outline.png into `dir`; returns their paths. */
export function writeIcons(dir: string): string[] {
  const files = [
    [join(dir, 'color.png'), encodePng(drawColorIcon())],
    [join(dir, 'outline.png'), encodePng(drawOutlineIcon())],
  ] as const;
  for (const [path, bytes] of files) writeFileSync(path, bytes);
  return files.map(([path]) => path);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const path of writeIcons(resolve('appPackage'))) console.log(`wrote ${path}`);
}
