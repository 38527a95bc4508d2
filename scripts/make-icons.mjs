// Renders resources/icon.svg into every icon the installers need, straight from the vector at each size (a
// 16 px icon drawn at 16 px is sharper than one shrunk from 1024 px):
//   resources/icon.png            1024 px: electron-builder's default icon (Linux AppImage, the window)
//   resources/icons/NxN.png       16…1024 px: the Linux icon set (hicolor theme sizes for the deb's desktop entry)
//   resources/icon.ico            16…256 px in one file: the Windows executable, installer and shortcuts
// `npm run icons` runs it; the outputs are committed so packaging never needs this step.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import pngToIco from 'png-to-ico';

const resources = resolve(import.meta.dirname, '..', 'resources');
const svg = readFileSync(join(resources, 'icon.svg'), 'utf8');

/** Sizes of the Linux icon set (the hicolor theme's usual sizes, up to 1024 for high-density screens). */
const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
/** Sizes packed into icon.ico; Windows picks 16/24/32/48 for lists and taskbars, 256 for large views. */
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

function renderPng(size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

const pngs = new Map(LINUX_ICON_SIZES.map((size) => [size, renderPng(size)]));
mkdirSync(join(resources, 'icons'), { recursive: true });
for (const [size, png] of pngs) writeFileSync(join(resources, 'icons', `${size}x${size}.png`), png);
writeFileSync(join(resources, 'icon.png'), pngs.get(1024));
writeFileSync(join(resources, 'icon.ico'), await pngToIco(ICO_SIZES.map((size) => pngs.get(size))));
console.log(JSON.stringify({ ok: true, png: LINUX_ICON_SIZES, ico: ICO_SIZES, dir: 'resources' }));
