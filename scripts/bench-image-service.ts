// Measures what one lead photo costs through Warta's picture pipeline (src/lib/storage/image-files.ts)
// and through Astro's own image service (the sharp service behind getImage and <Picture>), making the
// same files: the same widths, crops, formats and encoder settings (issue #17 asks for Astro's service
// unless a measurement shows it cannot carry the archive).
//
// usage: npm run bench:image-service -- [photos]   (default 12 photos of 1600×900 with grain)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharpService from 'astro/assets/services/sharp';
import sharp from 'sharp';
import { planVariants } from '../src/lib/images/variants.ts';
import { probeImage } from '../src/lib/storage/image-probe.ts';
import { makeVariants } from '../src/lib/storage/image-files.ts';

const count = Number(process.argv[2] ?? 12);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-image-service-'));

/** A 1600×900 JPEG with a gradient and grain, which encoders must spend bytes and time on, as on a photo. */
async function photo(index: number): Promise<string> {
  const file = path.join(work, `foto-${index}.jpg`);
  const hue = (index * 47) % 360;
  const base = await sharp(
    Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900">
      <defs><linearGradient id="g"><stop offset="0" stop-color="hsl(${hue},55%,62%)"/>
      <stop offset="1" stop-color="hsl(${(hue + 140) % 360},45%,28%)"/></linearGradient></defs>
      <rect width="1600" height="900" fill="url(#g)"/><circle cx="${300 + index * 50}" cy="400" r="200" fill="#ddd"/></svg>`),
  )
    .png()
    .toBuffer();
  const grain = await sharp({
    create: {
      width: 1600,
      height: 900,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .png()
    .toBuffer();
  await sharp(base)
    .composite([{ input: grain, blend: 'soft-light' }])
    .jpeg({ quality: 85 })
    .toFile(file);
  return file;
}

const noLogger = { warn: () => undefined } as unknown as Parameters<typeof sharpService.transform>[3];
// The encoder settings image-files.ts uses, given to Astro's service through its config.
const config = {
  service: { entrypoint: 'astro/assets/services/sharp', config: { webp: { effort: 2 }, jpeg: { progressive: true } } },
} as unknown as Parameters<typeof sharpService.transform>[2];

const ours: number[] = [];
const astro: number[] = [];
for (let i = 0; i < count; i++) {
  const file = await photo(i);
  const probe = probeImage(file, undefined, 'lead');
  if (!probe.ok) throw new Error(`${file}: ${probe.reason}`);
  let start = performance.now();
  await makeVariants(path.join(work, 'cache'), probe.asset);
  ours.push(performance.now() - start);

  // Astro's service makes each file from the source bytes: decode, turn, resize, encode. Its crop
  // keeps the centre (`position` takes sharp's gravities, not an editor's focal point).
  const bytes = fs.readFileSync(file);
  start = performance.now();
  for (const variant of planVariants(probe.asset)) {
    const made = await sharpService.transform(
      bytes,
      {
        src: file,
        width: variant.width,
        height: variant.height,
        fit: 'cover',
        position: 'center',
        format: variant.format,
        quality: variant.format === 'webp' ? 72 : 78,
      },
      config,
      noLogger,
    );
    fs.writeFileSync(path.join(work, `astro-${i}-${variant.name}`), made.data);
  }
  astro.push(performance.now() - start);
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const variants = planVariants({ key: 'k', file: '', width: 1600, height: 900, role: 'lead' }).length;
console.log(`${count} photos of 1600×900, ${variants} files each, ${os.cpus().length} cores, Node ${process.version}`);
console.log(`Warta (decode once, cut every file from the pixels): median ${median(ours).toFixed(0)} ms a photo`);
console.log(`Astro's sharp service (decode per file):             median ${median(astro).toFixed(0)} ms a photo`);
console.log(`ratio ${(median(astro) / median(ours)).toFixed(2)}`);
fs.rmSync(work, { recursive: true, force: true });
