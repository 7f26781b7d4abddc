/**
 * Draws the installable app's icons (client/public/icons/*.png) from the favicon's SVG with Debian's
 * Chromium, so the PNGs are reproducible from the one drawing: `npm run pwa:icons`. The maskable variant
 * keeps the mark inside the safe circle (80 % of the square) that Android may crop to.
 */
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../../tests/support/browser.ts';

const root = path.resolve(import.meta.dirname, '../..');
const svg = fs.readFileSync(path.join(root, 'client/public/favicon.svg'), 'utf8');
const out = path.join(root, 'client/public/icons');

const page = (size: number, maskable: boolean) => `<!doctype html><html><body style="margin:0;background:${maskable ? '#c2410c' : 'transparent'}">
<div style="width:${size}px;height:${size}px;display:grid;place-items:center">
<div style="width:${maskable ? size * 0.8 : size}px;height:${maskable ? size * 0.8 : size}px">${svg.replace('<svg ', '<svg width="100%" height="100%" ')}</div></div></body></html>`;

const browser = await launchChromium();
try {
  fs.mkdirSync(out, { recursive: true });
  for (const [name, size, maskable] of [
    ['icon-192.png', 192, false],
    ['icon-512.png', 512, false],
    ['maskable-512.png', 512, true],
    ['apple-touch-icon.png', 180, true],
  ] as const) {
    const context = await browser.newContext({ viewport: { width: size, height: size } });
    const tab = await context.newPage();
    await tab.setContent(page(size, maskable));
    await tab.screenshot({ path: path.join(out, name), omitBackground: !maskable });
    await context.close();
    console.log(`${name}: ${fs.statSync(path.join(out, name)).size} bytes`);
  }
} finally {
  await browser.close();
}
