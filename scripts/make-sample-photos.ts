// Lead pictures for the sample articles shipped in content/. No free news photos can be installed
// offline, so each picture is a flat editorial illustration drawn here as SVG and encoded by sharp as a
// 1600×900 JPEG next to its article (content/ekonomi/x.md gets content/ekonomi/x.jpg). Front matter
// is edited by hand (`image:` with `src: ./x.jpg` and `credit: "Ilustrasi: Warta"`); this script only
// writes the pictures. No text is drawn, so no font is needed and the output does not depend on the
// fonts of the machine: the same sharp version writes the same bytes on every run. sharp comes with
// Astro (it is not a direct dependency); a different sharp or libvips may change the bytes.
//
// usage: node scripts/make-sample-photos.ts [--check] [--svg DIR] [NAME ...]
//   --check   render and compare with the files on disk; write nothing, exit 1 on a difference
//   --svg DIR also write each picture's SVG source into DIR, for inspection
//   NAME      only the articles whose file name contains NAME
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const W = 1600;
const H = 900;
const CONTENT = path.join(import.meta.dirname, '..', 'content');

type Point = readonly [number, number];

/** One picture being drawn: gradients, filters and patterns, then the shapes, bottom first. */
interface Scene {
  readonly defs: string[];
  readonly body: string[];
}

type Painter = (rng: Rng, scene: Scene) => void;

/** The articles that get a picture, relative to content/, with what their picture shows. */
const ARTICLES: readonly { readonly file: string; readonly paint: Painter }[] = [
  { file: 'ekonomi/bank-indonesia-tahan-suku-bunga-acuan-di-level-6-persen.md', paint: paintCentralBank },
  { file: 'ekonomi/harga-cabai-rawit-melonjak-jelang-tahun-baru.md', paint: paintChiliMarket },
  { file: 'nasional/banjir-rob-genangi-pesisir-utara-jakarta-warga-mengungsi.md', paint: paintTidalFlood },
  { file: 'nasional/bmkg-peringatkan-cuaca-ekstrem-saat-libur-natal-dan-tahun-baru.md', paint: paintStormAtSea },
  { file: 'nato-serukan-penyelidikan-menyeluruh-jatuhnya-pesawat-azerbaijan-airlines.md', paint: paintCaspianMap },
  { file: 'olahraga/ganda-putra-indonesia-juara-bwf-world-tour-finals.md', paint: paintBadmintonArena },
  { file: 'olahraga/timnas-indonesia-tersingkir-dari-piala-aff-2024.md', paint: paintFootballStadium },
  {
    file: 'sebut-gencatan-senjata-jalan-buntu-menlu-lavrov-kita-butuh-perjanjian-final-yang.md',
    paint: paintTalksRoom,
  },
  { file: 'teknologi/pemerintah-wajibkan-registrasi-imei-ponsel-impor.md', paint: paintAirportPhone },
  { file: 'teknologi/startup-lokal-luncurkan-asisten-ai-berbahasa-indonesia.md', paint: paintShopAssistant },
];

// ---------------------------------------------------------------------------------------------------
// Seeded randomness: a picture's variation comes from its file name alone.

interface Rng {
  /** A number in [0, 1). */
  next(): number;
  range(min: number, max: number): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

function hashText(text: string): number {
  let hash = 2166136261;
  for (const char of text) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}

function makeRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    range: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor((max - min + 1) * next()),
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick() from an empty list');
      return item;
    },
    chance: (probability) => next() < probability,
  };
}

// ---------------------------------------------------------------------------------------------------
// SVG text.

/** A coordinate as written: one decimal, so the SVG (and the picture) never depends on float noise. */
function n(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(rounded === 0 ? 0 : rounded);
}

type AttrValue = string | number | undefined;

function el(tag: string, attrs: Readonly<Record<string, AttrValue>>, ...children: string[]): string {
  let text = `<${tag}`;
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    text += ` ${key}="${typeof value === 'number' ? n(value) : value}"`;
  }
  return children.length === 0 ? `${text}/>` : `${text}>${children.join('')}</${tag}>`;
}

/** A path through `points`, closed unless `open`. */
function pathOf(points: readonly Point[], open = false): string {
  const [first, ...rest] = points;
  if (first === undefined) return '';
  return `M${n(first[0])} ${n(first[1])}${rest.map(([x, y]) => `L${n(x)} ${n(y)}`).join('')}${open ? '' : 'Z'}`;
}

/** A smooth closed path through `points` (Catmull-Rom turned into cubic Béziers). */
function smoothPath(points: readonly Point[], closed = true): string {
  const count = points.length;
  const at = (i: number): Point => {
    const index = closed ? (i + count) % count : Math.min(Math.max(i, 0), count - 1);
    const point = points[index];
    if (point === undefined) throw new Error('smoothPath() needs points');
    return point;
  };
  let d = `M${n(at(0)[0])} ${n(at(0)[1])}`;
  const segments = closed ? count : count - 1;
  for (let i = 0; i < segments; i++) {
    const [p0, p1, p2, p3] = [at(i - 1), at(i), at(i + 1), at(i + 2)];
    const c1: Point = [p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6];
    const c2: Point = [p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6];
    d += `C${n(c1[0])} ${n(c1[1])} ${n(c2[0])} ${n(c2[1])} ${n(p2[0])} ${n(p2[1])}`;
  }
  return closed ? `${d}Z` : d;
}

type Stop = readonly [offset: number, color: string, opacity?: number];

function stops(list: readonly Stop[]): string {
  return list
    .map(([offset, color, opacity]) => el('stop', { offset, 'stop-color': color, 'stop-opacity': opacity }))
    .join('');
}

/** A linear gradient; coordinates are fractions of the shape's box unless `user` gives them in pixels. */
function linear(
  id: string,
  list: readonly Stop[],
  [x1, y1, x2, y2]: readonly [number, number, number, number] = [0, 0, 0, 1],
  extra: Readonly<Record<string, AttrValue>> = {},
): string {
  return el('linearGradient', { id, x1, y1, x2, y2, ...extra }, stops(list));
}

/** A radial gradient in pixels. */
function radial(id: string, list: readonly Stop[], cx: number, cy: number, r: number, ry = r): string {
  const transform =
    ry === r
      ? undefined
      : `translate(${n(cx)} ${n(cy)}) scale(1 ${(ry / r).toFixed(4)}) translate(${n(-cx)} ${n(-cy)})`;
  return el(
    'radialGradient',
    { id, cx, cy, r, gradientUnits: 'userSpaceOnUse', gradientTransform: transform },
    stops(list),
  );
}

function blur(id: string, deviation: number): string {
  return el(
    'filter',
    { id, x: '-50%', y: '-50%', width: '200%', height: '200%' },
    el('feGaussianBlur', { stdDeviation: deviation }),
  );
}

// ---------------------------------------------------------------------------------------------------
// Colour.

function rgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function mix(a: string, b: string, t: number): string {
  const [ar, ag, ab] = rgb(a);
  const [br, bg, bb] = rgb(b);
  const channel = (x: number, y: number): string =>
    Math.round(Math.min(255, Math.max(0, x + (y - x) * t)))
      .toString(16)
      .padStart(2, '0');
  return `#${channel(ar, br)}${channel(ag, bg)}${channel(ab, bb)}`;
}

/** Darker (negative `amount`) or lighter (positive), as a fraction of the way to black or white. */
function shade(color: string, amount: number): string {
  return amount < 0 ? mix(color, '#000000', -amount) : mix(color, '#ffffff', amount);
}

// ---------------------------------------------------------------------------------------------------
// Geometry.

function lerp(a: Point, b: Point, t: number): Point {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

/** A camera looking level over a floor: metres across (x), away (z) and up (h) to pixels. */
function camera(cx: number, horizon: number, focal: number, height: number, back: number) {
  const project = (x: number, z: number, h = 0): Point => {
    const depth = z + back;
    return [cx + (focal * x) / depth, horizon + (focal * (height - h)) / depth];
  };
  /** Pixels per metre at distance `z`. */
  const scaleAt = (z: number): number => focal / (z + back);
  /** A painted floor line from (x1, z1) to (x2, z2), `width` metres wide, as a polygon. */
  const strip = (x1: number, z1: number, x2: number, z2: number, width: number): string => {
    const length = Math.hypot(x2 - x1, z2 - z1);
    const [nx, nz] = [(-(z2 - z1) / length) * (width / 2), ((x2 - x1) / length) * (width / 2)];
    return pathOf([
      project(x1 + nx, z1 + nz),
      project(x2 + nx, z2 + nz),
      project(x2 - nx, z2 - nz),
      project(x1 - nx, z1 - nz),
    ]);
  };
  /** A painted floor circle around (x, z), as a ring path (fill-rule evenodd). */
  const ring = (x: number, z: number, radius: number, width: number, from = 0, to = 360): string => {
    const outer: Point[] = [];
    const inner: Point[] = [];
    for (let a = from; a <= to; a += 4) {
      const rad = (a * Math.PI) / 180;
      outer.push(project(x + Math.cos(rad) * (radius + width / 2), z + Math.sin(rad) * (radius + width / 2)));
      inner.push(project(x + Math.cos(rad) * (radius - width / 2), z + Math.sin(rad) * (radius - width / 2)));
    }
    return pathOf([...outer, ...inner.reverse()]);
  };
  return { project, scaleAt, strip, ring };
}

// ---------------------------------------------------------------------------------------------------
// People, drawn as pictogram figures: thick round strokes for limbs, a circle for the head.

/** Angles in degrees: 0 points down, 90 right (left when the figure faces left), 180 up. */
interface Pose {
  readonly torso: number;
  readonly backArm: readonly [number, number];
  readonly frontArm: readonly [number, number];
  readonly backLeg: readonly [number, number];
  readonly frontLeg: readonly [number, number];
}

interface Kit {
  readonly skin: string;
  readonly shirt: string;
  readonly shorts: string;
  readonly socks?: string;
  readonly shoes?: string;
  readonly hair: string;
  /** Trousers rather than shorts: the legs are drawn in the `shorts` colour down to the shoes. */
  readonly long?: boolean;
}

interface Figure {
  readonly svg: string;
  readonly frontHand: Point;
  readonly backHand: Point;
  readonly head: Point;
  readonly lowest: number;
}

const POSES = {
  stand: { torso: 180, backArm: [8, 2], frontArm: [-8, -4], backLeg: [4, 0], frontLeg: [-4, 0] },
  walk: { torso: 178, backArm: [-22, -12], frontArm: [24, 40], backLeg: [-18, -6], frontLeg: [20, 4] },
  run: { torso: 165, backArm: [-45, 10], frontArm: [50, 120], backLeg: [-40, -95], frontLeg: [50, 8] },
  stride: { torso: 170, backArm: [40, 95], frontArm: [-40, -20], backLeg: [35, 10], frontLeg: [-30, -70] },
  ready: { torso: 160, backArm: [60, 130], frontArm: [35, 110], backLeg: [35, -8], frontLeg: [-25, 8] },
  smash: { torso: 188, backArm: [120, 95], frontArm: [172, 165], backLeg: [-25, -80], frontLeg: [55, 5] },
  dribble: { torso: 168, backArm: [-55, -20], frontArm: [45, 70], backLeg: [-30, -60], frontLeg: [30, 5] },
  tackle: { torso: 160, backArm: [60, 100], frontArm: [-40, 10], backLeg: [-35, -20], frontLeg: [40, 20] },
} as const satisfies Record<string, Pose>;

function figure(hip: Point, scale: number, pose: Pose, kit: Kit, facingLeft = false): Figure {
  const dir = (angle: number): Point => {
    const rad = ((facingLeft ? -angle : angle) * Math.PI) / 180;
    return [Math.sin(rad), Math.cos(rad)];
  };
  const step = (from: Point, angle: number, length: number): Point => {
    const [dx, dy] = dir(angle);
    return [from[0] + dx * length * scale, from[1] + dy * length * scale];
  };
  const line = (points: readonly Point[], color: string, width: number): string =>
    el('path', {
      d: pathOf(points, true),
      fill: 'none',
      stroke: color,
      'stroke-width': width * scale,
      'stroke-linecap': 'round',
      'stroke-linejoin': 'round',
    });
  const shoulder = step(hip, pose.torso, 30);
  const head = step(shoulder, pose.torso, 12.5);
  const limb = ([a1, a2]: readonly [number, number], from: Point, l1: number, l2: number): readonly Point[] => {
    const joint = step(from, a1, l1);
    return [from, joint, step(joint, a2, l2)];
  };
  const arms = [limb(pose.backArm, shoulder, 16, 15), limb(pose.frontArm, shoulder, 16, 15)] as const;
  const legs = [limb(pose.backLeg, hip, 25, 25), limb(pose.frontLeg, hip, 25, 25)] as const;
  const drawArm = (points: readonly Point[], dim: number): string => {
    const [from, joint] = [points[0] ?? shoulder, points[1] ?? shoulder];
    return line(points, shade(kit.skin, dim), 7) + line([from, lerp(from, joint, 0.55)], shade(kit.shirt, dim), 9.5);
  };
  const drawLeg = (points: readonly Point[], angles: readonly [number, number], dim: number): string => {
    const [from, knee, foot] = [points[0] ?? hip, points[1] ?? hip, points[2] ?? hip];
    let svg = line(points, shade(kit.long === true ? kit.shorts : kit.skin, dim), kit.long === true ? 10.5 : 9);
    if (kit.socks !== undefined) svg += line([lerp(knee, foot, 0.35), foot], shade(kit.socks, dim), 9.5);
    svg += line([from, lerp(from, knee, 0.55)], shade(kit.shorts, dim), 12);
    svg += line([foot, step(foot, angles[1] + 90, 5)], shade(kit.shoes ?? '#23252b', dim), 7);
    return svg;
  };
  const hairTurn = facingLeft ? pose.torso - 180 : 180 - pose.torso;
  const radius = 8.6 * scale;
  const svg = [
    drawArm(arms[0], -0.25),
    drawLeg(legs[0], pose.backLeg, -0.25),
    line([hip, step(hip, pose.torso, 6)], kit.shorts, 17),
    line([step(hip, pose.torso, 7), shoulder], kit.shirt, 17),
    drawLeg(legs[1], pose.frontLeg, 0),
    drawArm(arms[1], 0),
    el('circle', { cx: head[0], cy: head[1], r: radius, fill: kit.skin }),
    el('path', {
      d: `M${n(-radius * 1.02)} ${n(-radius * 0.12)}A${n(radius * 1.04)} ${n(radius * 1.04)} 0 0 1 ${n(radius * 1.02)} ${n(-radius * 0.12)}Z`,
      fill: kit.hair,
      transform: `translate(${n(head[0])} ${n(head[1])}) rotate(${n(hairTurn)})`,
    }),
  ].join('');
  const ends = [...arms, ...legs].map((points) => points[2] ?? hip);
  return {
    svg,
    backHand: arms[0][2] ?? shoulder,
    frontHand: arms[1][2] ?? shoulder,
    head,
    lowest: Math.max(...ends.map(([, y]) => y)) + 4 * scale,
  };
}

/** A figure whose lowest foot stands on `ground`, raised by `lift` pixels. */
function standing(ground: Point, scale: number, pose: Pose, kit: Kit, facingLeft = false, lift = 0): Figure {
  const probe = figure([0, 0], scale, pose, kit, facingLeft);
  return figure([ground[0], ground[1] - probe.lowest - lift], scale, pose, kit, facingLeft);
}

/** A soft shadow on the floor. */
function floorShadow(at: Point, width: number, opacity = 0.35): string {
  return el('ellipse', { cx: at[0], cy: at[1], rx: width, ry: width * 0.22, fill: '#000', opacity });
}

// ---------------------------------------------------------------------------------------------------
// Shared finishing: vignette and film grain.

function finish(scene: Scene, seed: number, vignette = 0.32, grain = 0.07): string {
  const defs = [
    ...scene.defs,
    el(
      'radialGradient',
      { id: 'vignette', cx: '50%', cy: '48%', r: '75%' },
      stops([
        [0.55, '#000', 0],
        [1, '#000', vignette],
      ]),
    ),
    el(
      'filter',
      { id: 'grain', x: 0, y: 0, width: '100%', height: '100%', 'color-interpolation-filters': 'sRGB' },
      el('feTurbulence', {
        type: 'fractalNoise',
        baseFrequency: 0.9,
        numOctaves: 1,
        seed: seed % 10000,
        result: 'noise',
      }),
      el('feColorMatrix', { in: 'noise', type: 'saturate', values: 0, result: 'grey' }),
      el('feComponentTransfer', { in: 'grey' }, el('feFuncA', { type: 'linear', slope: 0, intercept: grain })),
    ),
  ];
  return el(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', width: W, height: H, viewBox: `0 0 ${W} ${H}` },
    el('defs', {}, ...defs),
    ...scene.body,
    el('rect', { width: W, height: H, fill: 'url(#vignette)' }),
    el('rect', { width: W, height: H, filter: 'url(#grain)' }),
  );
}

// ---------------------------------------------------------------------------------------------------
// Ekonomi: Bank Indonesia holds its rate. A columned bank at dusk under a rate line that rises and levels off.

function paintCentralBank(rng: Rng, { defs, body }: Scene): void {
  defs.push(
    linear('sky', [
      [0, '#223152'],
      [0.45, '#5f5a82'],
      [0.78, '#c98c7d'],
      [1, '#efb987'],
    ]),
    radial(
      'sun',
      [
        [0, '#ffd9a0', 0.75],
        [1, '#ffd9a0', 0],
      ],
      1180,
      700,
      520,
      300,
    ),
    linear(
      'column',
      [
        [0, '#f7f0e3'],
        [0.55, '#e4d6bf'],
        [1, '#b29f82'],
      ],
      [0, 0, 1, 0],
    ),
    linear('stone', [
      [0, '#efe5d3'],
      [1, '#d3c2a6'],
    ]),
    linear('plaza', [
      [0, '#a8937b'],
      [1, '#6f5f50'],
    ]),
    linear('area', [
      [0, '#ffd27a', 0.32],
      [1, '#ffd27a', 0],
    ]),
    linear(
      'flag',
      [
        [0, '#000', 0],
        [0.3, '#000', 0.18],
        [0.6, '#fff', 0.12],
        [1, '#000', 0.15],
      ],
      [0, 0, 1, 0],
    ),
    blur('soft', 6),
    blur('glow', 10),
  );
  body.push(
    el('rect', { width: W, height: H, fill: 'url(#sky)' }),
    el('rect', { width: W, height: H, fill: 'url(#sun)' }),
  );

  // The rate line: up through the year, then level at the same value.
  const chartLeft = 130;
  const chartRight = 1470;
  for (let i = 0; i < 4; i++) {
    const y = 120 + i * 58;
    body.push(
      el('path', {
        d: `M${chartLeft} ${y}H${chartRight}`,
        stroke: '#ffffff',
        'stroke-opacity': 0.13,
        'stroke-width': 2,
      }),
    );
  }
  const values = [0.15, 0.18, 0.28, 0.3, 0.52, 0.56, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8];
  const points = values.map((v, i): Point => [
    chartLeft + ((chartRight - chartLeft) * i) / (values.length - 1),
    300 - v * 190 + rng.range(-2, 2),
  ]);
  const line = smoothPath(points, false);
  const last = points[points.length - 1] ?? [chartRight, 150];
  body.push(
    el('path', { d: `${line}L${chartRight} 300L${chartLeft} 300Z`, fill: 'url(#area)' }),
    el('path', { d: line, fill: 'none', stroke: '#ffd27a', 'stroke-width': 12, opacity: 0.5, filter: 'url(#glow)' }),
    el('path', { d: line, fill: 'none', stroke: '#ffe2a3', 'stroke-width': 5, 'stroke-linecap': 'round' }),
    ...points.map(([x, y]) =>
      el('circle', { cx: x, cy: y, r: 7, fill: '#fff4da', stroke: '#e9b257', 'stroke-width': 3 }),
    ),
    el('circle', { cx: last[0], cy: last[1], r: 22, fill: 'none', stroke: '#fff4da', 'stroke-width': 3, opacity: 0.6 }),
  );

  // City behind: two layers of towers with a few lit windows.
  for (const [layer, color, minH, maxH] of [
    [0, '#5a5878', 170, 360],
    [1, '#403f5e', 90, 260],
  ] as const) {
    let x = -20 + rng.range(0, 40);
    while (x < W) {
      const width = rng.range(60, 130);
      const height = rng.range(minH, maxH);
      const top = 700 - height;
      body.push(el('rect', { x, y: top, width, height: height + 10, fill: color }));
      if (layer === 1 || rng.chance(0.5)) {
        for (let wy = top + 16; wy < 690; wy += 22)
          for (let wx = x + 10; wx < x + width - 12; wx += 18)
            if (rng.chance(0.16))
              body.push(
                el('rect', { x: wx, y: wy, width: 7, height: 10, fill: '#ffd89a', opacity: layer === 1 ? 0.7 : 0.45 }),
              );
      }
      x += width + rng.range(4, 30);
    }
  }

  // The bank: steps, a colonnade, an entablature and a pediment.
  const cx = 800;
  body.push(
    el('rect', { x: cx - 540, y: 756, width: 1080, height: 30, fill: '#c9b89b' }),
    el('rect', { x: cx - 515, y: 734, width: 1030, height: 24, fill: '#dccdb2' }),
    el('rect', { x: cx - 490, y: 712, width: 980, height: 24, fill: '#e8dcc6' }),
    el('rect', { x: cx - 440, y: 440, width: 880, height: 272, fill: '#3b3c55' }),
  );
  for (let i = 0; i < 3; i++) {
    const x = cx - 200 + i * 150;
    body.push(
      el('rect', { x, y: 540, width: 100, height: 172, rx: 4, fill: i === 1 ? '#f3c47f' : '#e2a866', opacity: 0.85 }),
    );
  }
  const columns = 8;
  for (let i = 0; i < columns; i++) {
    const x = cx - 410 + (i * 820) / (columns - 1);
    body.push(
      el('rect', { x: x - 26, y: 460, width: 52, height: 246, fill: 'url(#column)' }),
      el('rect', { x: x - 36, y: 448, width: 72, height: 16, fill: '#efe6d5' }),
      el('rect', { x: x - 34, y: 696, width: 68, height: 16, fill: '#ddd0b8' }),
    );
    for (let k = -1; k <= 1; k++)
      body.push(
        el('path', { d: `M${n(x + k * 13)} 466V698`, stroke: '#9e8b6e', 'stroke-opacity': 0.35, 'stroke-width': 2 }),
      );
  }
  body.push(
    el('rect', { x: cx - 470, y: 410, width: 940, height: 40, fill: 'url(#stone)' }),
    el('path', { d: `M${cx - 470} 428H${cx + 470}`, stroke: '#b9a687', 'stroke-width': 2 }),
    el('path', { d: `M${cx - 490} 412L${cx} 290L${cx + 490} 412Z`, fill: '#f1e8d8' }),
    el('path', { d: `M${cx - 420} 402L${cx} 306L${cx + 420} 402Z`, fill: '#d9cab0' }),
    el('circle', { cx, cy: 366, r: 22, fill: 'none', stroke: '#bda985', 'stroke-width': 5 }),
  );
  // A flag on a pole in the plaza.
  const poleX = 196;
  const wave = Math.round(rng.range(-6, 6));
  const flag = `M${poleX} 336C${poleX + 40} ${326 + wave} ${poleX + 80} ${346 - wave} ${poleX + 120} 336V416C${poleX + 80} ${426 - wave} ${poleX + 40} ${406 + wave} ${poleX} 416Z`;
  body.push(
    el('path', { d: `M${poleX} 330V790`, stroke: '#d9d4cc', 'stroke-width': 6 }),
    el('circle', { cx: poleX, cy: 328, r: 6, fill: '#e8c77c' }),
    el('clipPath', { id: 'flagClip' }, el('path', { d: flag })),
    el(
      'g',
      { 'clip-path': 'url(#flagClip)' },
      el('rect', { x: poleX, y: 300, width: 130, height: 76, fill: '#d7262e' }),
      el('rect', { x: poleX, y: 376, width: 130, height: 60, fill: '#f7f4ee' }),
      el('rect', { x: poleX, y: 300, width: 130, height: 140, fill: 'url(#flag)' }),
    ),
  );

  // Plaza, trees, lamps and a few passers-by.
  body.push(el('rect', { x: 0, y: 784, width: W, height: 120, fill: 'url(#plaza)' }));
  for (let i = -8; i <= 8; i++)
    body.push(
      el('path', {
        d: `M${cx + i * 30} 786L${cx + i * 190} 900`,
        stroke: '#5e5043',
        'stroke-opacity': 0.35,
        'stroke-width': 2,
      }),
    );
  for (const x of [60, 1540]) {
    body.push(el('rect', { x: x - 9, y: 640, width: 18, height: 150, fill: '#3a2f2a' }));
    for (let k = 0; k < 6; k++)
      body.push(
        el('circle', {
          cx: x + rng.range(-70, 70),
          cy: 600 + rng.range(-70, 40),
          r: rng.range(55, 85),
          fill: rng.pick(['#2f4a3c', '#36543f', '#2a4034']),
        }),
      );
  }
  for (const x of [300, 1300]) {
    body.push(
      el('path', { d: `M${x} 800V640`, stroke: '#2c2d3a', 'stroke-width': 7 }),
      el('circle', { cx: x, cy: 634, r: 60, fill: '#ffd58f', opacity: 0.25, filter: 'url(#glow)' }),
      el('circle', { cx: x, cy: 634, r: 12, fill: '#fff0c8' }),
    );
  }
  const kits: Kit[] = [
    { skin: '#7a4b33', shirt: '#2d3a55', shorts: '#22242e', hair: '#1b1616', long: true },
    { skin: '#8a5a3c', shirt: '#5e3144', shorts: '#2a2a33', hair: '#1b1616', long: true },
    { skin: '#6d442f', shirt: '#e7e1d6', shorts: '#303646', hair: '#1b1616', long: true },
  ];
  for (const [i, kit] of kits.entries()) {
    const x = [470, 1040, 1120][i] ?? 600;
    const walker = standing([x + rng.range(-30, 30), 862], 1.05, POSES.walk, kit, i === 0);
    body.push(floorShadow([x, 864], 28, 0.25), walker.svg);
  }
}

// ---------------------------------------------------------------------------------------------------
// Ekonomi: chilli prices soar. A market stall with heaped trays of red and green chillies and a scale.

function chili(rng: Rng, at: Point, length: number, angle: number, color: string): string {
  const w = length * rng.range(0.2, 0.26);
  const bend = rng.range(-0.5, 0.9);
  const d = `M0 ${n(-w / 2)}C${n(length * 0.45)} ${n(-w * 0.75)} ${n(length * 0.85)} ${n(-w * 0.2 + bend * w)} ${n(length)} ${n(w * 0.5 + bend * w)}C${n(length * 0.8)} ${n(w * 0.35 + bend * w * 0.6)} ${n(length * 0.45)} ${n(w * 0.6)} 0 ${n(w / 2)}Z`;
  return el(
    'g',
    { transform: `translate(${n(at[0])} ${n(at[1])}) rotate(${n(angle)})` },
    el('path', { d, fill: color }),
    el('path', {
      d: `M${n(length * 0.08)} ${n(-w * 0.28)}C${n(length * 0.4)} ${n(-w * 0.48)} ${n(length * 0.7)} ${n(-w * 0.2)} ${n(length * 0.82)} ${n(bend * w * 0.3)}`,
      fill: 'none',
      stroke: '#ffffff',
      'stroke-opacity': 0.35,
      'stroke-width': n(w * 0.18),
      'stroke-linecap': 'round',
    }),
    el('path', {
      d: `M2 0C-4 -2 -9 -6 -12 -11`,
      fill: 'none',
      stroke: '#3d6b25',
      'stroke-width': 4,
      'stroke-linecap': 'round',
    }),
    el('ellipse', { cx: 1, cy: 0, rx: 4, ry: n(w * 0.45), fill: '#4f7f2c' }),
  );
}

/** A woven tray heaped with `items` drawn by `draw` at points inside a dome. */
function tray(
  rng: Rng,
  [cx, cy]: Point,
  rx: number,
  ry: number,
  mound: string,
  count: number,
  draw: (at: Point, depth: number) => string,
): string {
  const parts = [
    el('ellipse', { cx, cy: cy + 8, rx: rx + 10, ry: ry + 8, fill: '#000', opacity: 0.3 }),
    el('ellipse', { cx, cy, rx, ry, fill: '#c9a063', stroke: '#8a6536', 'stroke-width': 7 }),
  ];
  for (let k = 1; k <= 4; k++)
    parts.push(
      el('ellipse', {
        cx,
        cy,
        rx: rx * (1 - k * 0.05),
        ry: ry * (1 - k * 0.05),
        fill: 'none',
        stroke: '#a98148',
        'stroke-width': 2,
      }),
    );
  const height = ry * 1.5;
  parts.push(
    el('path', {
      d: `M${n(cx - rx * 0.82)} ${n(cy + ry * 0.1)}C${n(cx - rx * 0.6)} ${n(cy - height)} ${n(cx + rx * 0.6)} ${n(cy - height)} ${n(cx + rx * 0.82)} ${n(cy + ry * 0.1)}C${n(cx + rx * 0.5)} ${n(cy + ry * 0.7)} ${n(cx - rx * 0.5)} ${n(cy + ry * 0.7)} ${n(cx - rx * 0.82)} ${n(cy + ry * 0.1)}Z`,
      fill: mound,
    }),
  );
  const spots: Point[] = [];
  for (let i = 0; i < count; i++) {
    const u = rng.range(-0.85, 0.85);
    const top = cy + ry * 0.05 - height * 0.72 * (1 - u * u);
    const bottom = cy + ry * 0.55 * Math.sqrt(1 - (u / 0.9) ** 2);
    spots.push([cx + u * rx, top + (bottom - top) * rng.next() ** 1.3]);
  }
  spots.sort((a, b) => a[1] - b[1]);
  for (const spot of spots) parts.push(draw(spot, (spot[1] - (cy - height)) / (height + ry)));
  return parts.join('');
}

function paintChiliMarket(rng: Rng, { defs, body }: Scene): void {
  defs.push(
    linear('back', [
      [0, '#30241e'],
      [0.6, '#584233'],
      [1, '#6a4f3b'],
    ]),
    linear('tabletop', [
      [0, '#9a6a43'],
      [1, '#b9865a'],
    ]),
    linear('tablefront', [
      [0, '#6d4a30'],
      [1, '#4a3121'],
    ]),
    linear('awningShade', [
      [0, '#000', 0],
      [0.7, '#000', 0.05],
      [1, '#000', 0.35],
    ]),
    blur('far', 7),
    blur('glow', 30),
  );
  body.push(el('rect', { width: W, height: H, fill: 'url(#back)' }));

  // The rest of the market, out of focus: stalls, produce and shoppers.
  const far: string[] = [];
  for (let x = -40; x < W; x += rng.range(140, 220)) {
    far.push(
      el('rect', {
        x,
        y: 340 + rng.range(-20, 20),
        width: rng.range(120, 200),
        height: 320,
        fill: rng.pick(['#6b5140', '#5a4436', '#7a5a44']),
      }),
    );
    for (let k = 0; k < 3; k++)
      far.push(
        el('ellipse', {
          cx: x + rng.range(20, 160),
          cy: 420 + rng.range(-10, 30),
          rx: rng.range(30, 60),
          ry: rng.range(16, 26),
          fill: rng.pick(['#c24a2c', '#d9a035', '#6e8f3a', '#b8542e', '#e0c25a', '#8b2f3a']),
        }),
      );
  }
  const shopperKits: Kit[] = [
    { skin: '#8a5a3c', shirt: '#3f5b7a', shorts: '#2b2b30', hair: '#1d1a18', long: true },
    { skin: '#7a4b33', shirt: '#8c3b4a', shorts: '#3a3540', hair: '#1d1a18', long: true },
    { skin: '#946241', shirt: '#d0b26a', shorts: '#2e3440', hair: '#1d1a18' },
  ];
  for (let i = 0; i < 5; i++) {
    const walker = standing(
      [rng.range(100, 1500), 620],
      1.9,
      rng.pick([POSES.walk, POSES.stand]),
      rng.pick(shopperKits),
      rng.chance(0.5),
    );
    far.push(walker.svg);
  }
  body.push(el('g', { filter: 'url(#far)', opacity: 0.75 }, ...far));

  // Bulbs.
  for (const x of [300, 800, 1300].map((v) => v + rng.range(-40, 40))) {
    body.push(
      el('circle', { cx: x, cy: 232, r: 220, fill: '#ffcf7a', opacity: 0.3, filter: 'url(#glow)' }),
      el('path', { d: `M${n(x)} 120V218`, stroke: '#1d1612', 'stroke-width': 3 }),
      el('circle', { cx: x, cy: 232, r: 15, fill: '#fff3cf' }),
    );
  }

  // Awning: stripes with a scalloped hem.
  const [stripeA, stripeB] = rng.pick([
    ['#d9672f', '#f0e2c2'],
    ['#2f6f9c', '#eee4cc'],
    ['#3c8a5a', '#efe3c6'],
  ] as const);
  const hem = 150;
  let awning = `M0 0H${W}V${hem}`;
  for (let x = W; x > 0; x -= 80) awning += `A40 26 0 0 1 ${x - 80} ${hem}`;
  awning += 'Z';
  body.push(el('clipPath', { id: 'awning' }, el('path', { d: awning })));
  const stripes: string[] = [];
  for (let x = 0; x < W; x += 160)
    stripes.push(
      el('rect', { x, y: 0, width: 80, height: 200, fill: stripeA }),
      el('rect', { x: x + 80, y: 0, width: 80, height: 200, fill: stripeB }),
    );
  body.push(
    el(
      'g',
      { 'clip-path': 'url(#awning)' },
      ...stripes,
      el('rect', { width: W, height: 200, fill: 'url(#awningShade)' }),
    ),
  );

  // The stall.
  body.push(
    el('path', { d: `M0 630H${W}V770H0Z`, fill: 'url(#tabletop)' }),
    el('rect', { x: 0, y: 766, width: W, height: 140, fill: 'url(#tablefront)' }),
    el('rect', { x: 0, y: 762, width: W, height: 10, fill: '#c8956a' }),
  );
  for (let y = 654; y < 766; y += 28)
    body.push(el('path', { d: `M0 ${y}H${W}`, stroke: '#7a5235', 'stroke-opacity': 0.35, 'stroke-width': 2 }));
  for (let x = 90; x < W; x += 180)
    body.push(el('path', { d: `M${x} 774V900`, stroke: '#3a2618', 'stroke-opacity': 0.5, 'stroke-width': 3 }));

  const reds = ['#c81d1d', '#d8302a', '#b3161a', '#e0402c', '#c72522'];
  const greens = ['#4f8f2f', '#63a33a', '#3f7a26', '#78ad3f'];
  body.push(
    tray(rng, [420, 740], 370, 94, '#8e1414', 320, (at, depth) =>
      chili(
        rng,
        at,
        rng.range(54, 66) * (0.9 + depth * 0.2),
        rng.range(0, 360),
        rng.chance(0.08) ? '#e8742a' : rng.pick(reds),
      ),
    ),
    tray(rng, [1010, 690], 220, 58, '#3b6b22', 140, (at, depth) =>
      chili(
        rng,
        at,
        rng.range(40, 50) * (0.9 + depth * 0.2),
        rng.range(0, 360),
        rng.chance(0.1) ? rng.pick(reds) : rng.pick(greens),
      ),
    ),
    tray(rng, [1390, 745], 200, 60, '#6e2a3c', 80, (at) => {
      const r = rng.range(15, 20);
      return (
        el('ellipse', { cx: at[0], cy: at[1], rx: r, ry: r * 0.9, fill: rng.pick(['#a3485f', '#b35a6c', '#8f3c52']) }) +
        el('path', {
          d: `M${n(at[0] - 3)} ${n(at[1] - r * 0.85)}L${n(at[0])} ${n(at[1] - r * 1.4)}L${n(at[0] + 3)} ${n(at[1] - r * 0.85)}Z`,
          fill: '#d9b38c',
        }) +
        el('ellipse', {
          cx: at[0] - r * 0.35,
          cy: at[1] - r * 0.3,
          rx: r * 0.25,
          ry: r * 0.4,
          fill: '#ffffff',
          opacity: 0.25,
        })
      );
    }),
  );

  // A dial scale between the trays, with chillies on its pan.
  const sx = 1190;
  const scaleParts: string[] = [];
  scaleParts.push(
    el('ellipse', { cx: sx, cy: 640, rx: 95, ry: 18, fill: '#000', opacity: 0.3 }),
    el('path', { d: `M${sx - 80} 636L${sx - 62} 500H${sx + 62}L${sx + 80} 636Z`, fill: '#b8372c' }),
    el('path', { d: `M${sx - 80} 636L${sx - 62} 500H${sx - 40}L${sx - 56} 636Z`, fill: '#ffffff', opacity: 0.12 }),
    el('circle', { cx: sx, cy: 566, r: 48, fill: '#f5f1e6', stroke: '#7c2119', 'stroke-width': 6 }),
  );
  for (let k = 0; k <= 20; k++) {
    const a = (-135 + k * 13.5) * (Math.PI / 180);
    const inner = k % 5 === 0 ? 32 : 37;
    scaleParts.push(
      el('path', {
        d: `M${n(sx + Math.sin(a) * inner)} ${n(566 - Math.cos(a) * inner)}L${n(sx + Math.sin(a) * 42)} ${n(566 - Math.cos(a) * 42)}`,
        stroke: '#3a3a3a',
        'stroke-width': k % 5 === 0 ? 3 : 1.5,
      }),
    );
  }
  const needle = (rng.range(40, 95) * Math.PI) / 180;
  scaleParts.push(
    el('path', {
      d: `M${sx} 566L${n(sx + Math.sin(needle) * 36)} ${n(566 - Math.cos(needle) * 36)}`,
      stroke: '#c0281e',
      'stroke-width': 4,
      'stroke-linecap': 'round',
    }),
    el('circle', { cx: sx, cy: 566, r: 5, fill: '#3a3a3a' }),
    el('rect', { x: sx - 8, y: 470, width: 16, height: 32, fill: '#8e8e8e' }),
    el('ellipse', { cx: sx, cy: 468, rx: 100, ry: 20, fill: '#c9ccd0', stroke: '#8c9096', 'stroke-width': 4 }),
  );
  for (let i = 0; i < 16; i++)
    scaleParts.push(
      chili(
        rng,
        [sx + rng.range(-60, 50), 462 + rng.range(-10, 4)],
        rng.range(44, 54),
        rng.range(-30, 30) + (rng.chance(0.5) ? 180 : 0),
        rng.pick(reds),
      ),
    );
  body.push(el('g', { transform: 'translate(0 96)' }, ...scaleParts));
}

// ---------------------------------------------------------------------------------------------------
// Nasional: tidal flooding in north Jakarta. Houses standing in sea water under a full moon.

function paintTidalFlood(rng: Rng, { defs, body }: Scene): void {
  const water = 566;
  defs.push(
    linear(
      'sky',
      [
        [0, '#141c35'],
        [0.45, '#323f69'],
        [0.8, '#7d7199'],
        [1, '#c99b98'],
      ],
      [0, 0, 0, 1],
      { gradientUnits: 'userSpaceOnUse', x2: 0, y2: water },
    ),
    radial(
      'moonGlow',
      [
        [0, '#fff0d2', 0.55],
        [0.25, '#fff0d2', 0.18],
        [1, '#fff0d2', 0],
      ],
      1230,
      170,
      330,
    ),
    linear(
      'sea',
      [
        [0, '#53688d'],
        [0.35, '#334866'],
        [1, '#17233a'],
      ],
      [0, 0, 0, 1],
    ),
    blur('reflect', 4),
    blur('soft', 2),
    el('clipPath', { id: 'seaClip' }, el('rect', { x: 0, y: water, width: W, height: H - water })),
  );
  body.push(
    el('rect', { width: W, height: water + 2, fill: 'url(#sky)' }),
    el('rect', { width: W, height: water, fill: 'url(#moonGlow)' }),
    el('circle', { cx: 1230, cy: 170, r: 46, fill: '#fbf1dc' }),
    el('circle', { cx: 1216, cy: 160, r: 9, fill: '#e7dcc4', opacity: 0.6 }),
    el('circle', { cx: 1246, cy: 186, r: 6, fill: '#e7dcc4', opacity: 0.5 }),
  );
  // The city beyond, hazy.
  const scene: string[] = [];
  let x = -10;
  while (x < W) {
    const width = rng.range(40, 100);
    const height = rng.range(60, 250) * (x > 500 && x < 1000 ? 1.2 : 0.9);
    scene.push(el('rect', { x, y: 520 - height, width, height: height + 10, fill: '#3d466a', opacity: 0.85 }));
    for (let wy = 530 - height; wy < 510; wy += 18)
      for (let wx = x + 7; wx < x + width - 8; wx += 14)
        if (rng.chance(0.1))
          scene.push(el('rect', { x: wx, y: wy, width: 5, height: 8, fill: '#f5d08f', opacity: 0.5 }));
    x += width + rng.range(10, 60);
  }
  // Houses: two rows, the back one dimmer.
  const walls = ['#d8c6a4', '#c4d0cb', '#dfb59c', '#b6c2d4', '#e2d3b4', '#c9b59d'];
  const roofs = ['#8a4838', '#6b5850', '#5a6372', '#94563f'];
  for (const row of [0, 1]) {
    const base = row === 0 ? 548 : 600;
    const dim = row === 0 ? -0.45 : -0.25;
    let hx = -40 + rng.range(0, 60);
    while (hx < W) {
      const width = rng.range(120, 200);
      const height = rng.range(100, 170) + (rng.chance(0.3) ? 60 : 0);
      const top = base - height;
      const wall = shade(rng.pick(walls), dim);
      const roof = shade(rng.pick(roofs), dim);
      scene.push(el('rect', { x: hx, y: top, width, height: height + 40, fill: wall }));
      const overhang = 14;
      if (rng.chance(0.7))
        scene.push(
          el('path', {
            d: pathOf([
              [hx - overhang, top + 2],
              [hx + width / 2, top - rng.range(40, 70)],
              [hx + width + overhang, top + 2],
            ]),
            fill: roof,
          }),
        );
      else
        scene.push(
          el('path', {
            d: pathOf([
              [hx - overhang, top + 4],
              [hx - overhang, top - 16],
              [hx + width + overhang, top - 36],
              [hx + width + overhang, top + 4],
            ]),
            fill: roof,
          }),
        );
      const windows = Math.max(1, Math.floor(width / 70));
      for (let k = 0; k < windows; k++) {
        const wx = hx + ((k + 0.5) * width) / windows - 16;
        for (let wy = top + 24; wy < base - 40; wy += 70) {
          const lit = rng.chance(0.55);
          scene.push(
            el('rect', {
              x: wx,
              y: wy,
              width: 32,
              height: 36,
              fill: lit ? shade('#f6cf85', dim / 2) : shade('#39405a', dim / 2),
            }),
          );
          scene.push(
            el('path', { d: `M${n(wx + 16)} ${n(wy)}V${n(wy + 36)}`, stroke: shade(wall, -0.3), 'stroke-width': 3 }),
          );
        }
      }
      hx += width + rng.range(-10, 24);
    }
  }
  const houses = scene.join('');
  body.push(houses);

  // Poles and wires.
  const poles: Point[] = [
    [150, 230],
    [820 + rng.range(-60, 60), 360],
    [1460, 330],
  ];
  for (const [px, top] of poles) {
    body.push(
      el('path', { d: `M${n(px)} ${n(top)}V${water + 60}`, stroke: '#1a2030', 'stroke-width': px < 300 ? 14 : 8 }),
      el('path', {
        d: `M${n(px - 40)} ${n(top + 16)}H${n(px + 40)}`,
        stroke: '#1a2030',
        'stroke-width': px < 300 ? 8 : 5,
      }),
    );
  }
  for (let k = -1; k <= 1; k += 2)
    for (let i = 0; i + 1 < poles.length; i++) {
      const [a, b] = [poles[i], poles[i + 1]];
      if (a === undefined || b === undefined) continue;
      const [x1, y1] = [a[0] + k * 36, a[1] + 16];
      const [x2, y2] = [b[0] + k * 36, b[1] + 16];
      body.push(
        el('path', {
          d: `M${n(x1)} ${n(y1)}Q${n((x1 + x2) / 2)} ${n(Math.max(y1, y2) + 60)} ${n(x2)} ${n(y2)}`,
          fill: 'none',
          stroke: '#1a2030',
          'stroke-width': 2.5,
        }),
      );
    }

  // Sea water over the streets, with the houses mirrored in it.
  body.push(
    el('rect', { x: 0, y: water, width: W, height: H - water, fill: 'url(#sea)' }),
    el(
      'g',
      { 'clip-path': 'url(#seaClip)' },
      el('g', { transform: `translate(0 ${water * 2}) scale(1 -1)`, opacity: 0.3, filter: 'url(#reflect)' }, houses),
    ),
  );
  for (let i = 0; i < 150; i++) {
    const y = water + 6 + (H - water) * rng.next() ** 1.6;
    const nearMoon = rng.chance(0.35);
    const rx = nearMoon ? 1230 + rng.range(-60, 60) * (1 + (y - water) / 200) : rng.range(0, W);
    const length = rng.range(20, 120) * (0.5 + (y - water) / 300);
    body.push(
      el('path', {
        d: `M${n(rx - length / 2)} ${n(y)}h${n(length)}`,
        stroke: nearMoon ? '#f5e9cf' : '#b9c8e0',
        'stroke-opacity': nearMoon ? rng.range(0.35, 0.7) : rng.range(0.12, 0.3),
        'stroke-width': 2 + (y - water) / 120,
        'stroke-linecap': 'round',
      }),
    );
  }

  // An inflatable rescue boat with three people.
  const bx = Math.round(520 + rng.range(-60, 60));
  const by = 706;
  const boat = `M${bx - 170} ${by - 34}H${bx + 150}C${bx + 205} ${by - 34} ${bx + 205} ${by + 22} ${bx + 150} ${by + 22}H${bx - 170}C${bx - 195} ${by + 22} ${bx - 195} ${by - 34} ${bx - 170} ${by - 34}Z`;
  const people: string[] = [];
  const vest = '#f08a24';
  for (const [i, offset] of [-110, -10, 90].entries()) {
    const px = bx + offset;
    const lean = [10, -6, 4][i] ?? 0;
    people.push(
      el('path', {
        d: `M${n(px - 22)} ${by - 20}L${n(px - 18 + lean)} ${by - 92}H${n(px + 18 + lean)}L${n(px + 22)} ${by - 20}Z`,
        fill: vest,
      }),
      el('path', {
        d: `M${n(px - 6 + lean)} ${by - 90}V${by - 40}M${n(px + 6 + lean)} ${by - 90}V${by - 40}`,
        stroke: '#f5f0e1',
        'stroke-width': 4,
      }),
      el('circle', {
        cx: px + lean * 1.3,
        cy: by - 112,
        r: 17,
        fill: ['#7a4b33', '#8d5b3d', '#6a412c'][i] ?? '#7a4b33',
      }),
      el('path', {
        d: `M${n(px + lean * 1.3 - 18)} ${by - 112}A18 18 0 0 1 ${n(px + lean * 1.3 + 18)} ${by - 112}Z`,
        fill: i === 1 ? '#e8e6df' : '#1d1a18',
      }),
    );
  }
  people.unshift(
    el('path', {
      d: `M${bx - 120} ${by - 78}L${bx - 236} ${by + 44}`,
      stroke: '#d9d4c8',
      'stroke-width': 7,
      'stroke-linecap': 'round',
    }),
  );
  body.push(
    el('ellipse', { cx: bx, cy: by + 30, rx: 230, ry: 14, fill: '#0c1322', opacity: 0.45 }),
    ...people,
    el('path', { d: boat, fill: '#e0662e' }),
    el('path', { d: `M${bx - 180} ${by - 8}H${bx + 190}`, stroke: '#a8441d', 'stroke-width': 12 }),
    el('path', {
      d: `M${bx - 160} ${by - 26}H${bx + 150}`,
      stroke: '#ffb68a',
      'stroke-opacity': 0.6,
      'stroke-width': 5,
      'stroke-linecap': 'round',
    }),
    el('path', {
      d: `M${bx - 210} ${by + 12}Q${bx} ${by + 34} ${bx + 215} ${by + 10}`,
      fill: 'none',
      stroke: '#dfe7f2',
      'stroke-opacity': 0.45,
      'stroke-width': 3,
    }),
  );
}

// ---------------------------------------------------------------------------------------------------
// Nasional: BMKG warns of extreme weather. A ferry in heavy seas under storm clouds and lightning.

function paintStormAtSea(rng: Rng, { defs, body }: Scene): void {
  const horizon = 540;
  defs.push(
    linear(
      'sky',
      [
        [0, '#0f151e'],
        [0.55, '#27323f'],
        [1, '#5d6c79'],
      ],
      [0, 0, 0, 1],
      { gradientUnits: 'userSpaceOnUse', x2: 0, y2: horizon },
    ),
    radial(
      'flash',
      [
        [0, '#b7c9ef', 0.55],
        [1, '#b7c9ef', 0],
      ],
      1040,
      300,
      460,
      320,
    ),
    linear('sea', [
      [0, '#3b4f5c'],
      [0.3, '#253743'],
      [1, '#0e1820'],
    ]),
    linear(
      'beam',
      [
        [0, '#fff6d0', 0.5],
        [1, '#fff6d0', 0],
      ],
      [0, 0, 1, 0],
    ),
    linear('hull', [
      [0, '#f3f5f6'],
      [1, '#c9d0d6'],
    ]),
    blur('cloud', 14),
    blur('glow', 8),
    blur('foam', 2.5),
    blur('mist', 8),
  );
  body.push(
    el('rect', { width: W, height: horizon + 4, fill: 'url(#sky)' }),
    el('rect', { width: W, height: horizon, fill: 'url(#flash)' }),
  );

  // Clouds: three soft banks, darker above.
  const clouds: string[] = [];
  for (const [band, y, color] of [
    [0, 60, '#1d2530'],
    [1, 190, '#2c3744'],
    [2, 330, '#3f4c5a'],
  ] as const) {
    for (let i = 0; i < 16; i++)
      clouds.push(
        el('ellipse', {
          cx: rng.range(-100, W + 100),
          cy: y + rng.range(-50, 50),
          rx: rng.range(140, 280) - band * 20,
          ry: rng.range(50, 95),
          fill: color,
          opacity: rng.range(0.7, 0.95),
        }),
      );
  }
  body.push(el('g', { filter: 'url(#cloud)' }, ...clouds));

  // Lightning with one branch.
  const bolt: Point[] = [[1040 + rng.range(-30, 30), 290]];
  for (let i = 0; i < 7; i++) {
    const prev = bolt[bolt.length - 1] ?? [1040, 290];
    bolt.push([prev[0] + rng.range(-28, 34), prev[1] + (horizon - 290) / 7]);
  }
  const fork = bolt[3] ?? [1040, 400];
  const branch: Point[] = [
    fork,
    [fork[0] - 40, fork[1] + 36],
    [fork[0] - 52, fork[1] + 80],
    [fork[0] - 90, fork[1] + 110],
  ];
  for (const shape of [bolt, branch])
    body.push(
      el('path', {
        d: pathOf(shape, true),
        fill: 'none',
        stroke: '#cfdcff',
        'stroke-width': 16,
        opacity: 0.55,
        filter: 'url(#glow)',
      }),
      el('path', {
        d: pathOf(shape, true),
        fill: 'none',
        stroke: '#ffffff',
        'stroke-width': shape === bolt ? 4 : 2.5,
        'stroke-linejoin': 'round',
      }),
    );

  // A headland with a lighthouse on the right.
  body.push(
    el('path', {
      d: `M1230 ${horizon + 6}C1300 ${horizon - 40} 1380 ${horizon - 70} 1460 ${horizon - 66}C1520 ${horizon - 64} 1570 ${horizon - 50} 1620 ${horizon - 40}V${horizon + 10}Z`,
      fill: '#18202a',
    }),
    el('path', {
      d: `M1432 ${horizon - 150}L1380 ${horizon - 175}L1380 ${horizon - 125}Z`,
      fill: 'url(#beam)',
      transform: 'scale(-1 1) translate(-2812 0)',
    }),
    el('path', { d: `M1448 ${horizon - 64}L1453 ${horizon - 150}H1467L1472 ${horizon - 64}Z`, fill: '#e8e4da' }),
    el('path', { d: `M1450 ${horizon - 100}H1470V${horizon - 86}H1450Z`, fill: '#b5382e' }),
    el('rect', { x: 1451, y: horizon - 166, width: 18, height: 16, fill: '#ffe9a8' }),
    el('circle', { cx: 1460, cy: horizon - 158, r: 28, fill: '#ffe9a8', opacity: 0.35, filter: 'url(#glow)' }),
  );

  // The sea, then the ferry, then the nearer waves over its hull.
  body.push(el('rect', { x: 0, y: horizon, width: W, height: H - horizon, fill: 'url(#sea)' }));
  const rows = 14;
  const waveRow = (k: number): string => {
    const y = horizon + 8 + 4.6 * k ** 1.7;
    const amp = 3 + k * 2.8;
    const length = 26 + k * 9;
    const phase = rng.range(0, Math.PI * 2);
    const swell = rng.range(0, Math.PI * 2);
    const drift = rng.range(180, 360);
    const height = (x: number): number => {
      const crest = (0.5 + 0.5 * Math.cos(x / length + phase + 0.6 * Math.sin(x / drift))) ** 2.4;
      const size = 0.55 + 0.45 * Math.sin(x / (drift * 1.7) + swell);
      return y - amp * size * crest - amp * 0.22 * Math.sin(x / (length * 0.37) + phase * 2);
    };
    const points: Point[] = [];
    for (let x = -40; x <= W + 40; x += 12) points.push([x, height(x)]);
    const line = smoothPath(points, false);
    const tone = mix('#30485a', '#0f1b24', Math.min(1, k / (rows - 1)));
    let svg =
      el('path', { d: `${line}L${W + 40} ${H}L-40 ${H}Z`, fill: tone }) +
      el('path', {
        d: line,
        fill: 'none',
        stroke: '#6f8c9c',
        'stroke-opacity': 0.3,
        'stroke-width': amp * 0.9,
        transform: `translate(0 ${n(amp * 0.45)})`,
      }) +
      el('path', { d: line, fill: 'none', stroke: '#a9c0cc', 'stroke-opacity': 0.35, 'stroke-width': 1.2 + k * 0.25 });
    // Whitecaps on some crests.
    for (let m = Math.ceil((-40 / length + phase) / (Math.PI * 2)); (Math.PI * 2 * m - phase) * length < W + 40; m++) {
      if (!rng.chance(0.22)) continue;
      const x = (Math.PI * 2 * m - phase) * length;
      svg += el('ellipse', {
        cx: x + amp * 0.4,
        cy: height(x) + amp * 0.12,
        rx: amp * rng.range(1.2, 2.2),
        ry: amp * 0.22,
        fill: '#e3ecf0',
        opacity: rng.range(0.45, 0.75),
        filter: 'url(#foam)',
      });
    }
    return svg;
  };
  const front = 7;
  for (let k = 0; k < front; k++) body.push(waveRow(k));

  const ferry: string[] = [];
  const fx = 620;
  const fy = 634;
  ferry.push(
    el('path', {
      d: `M${fx - 300} ${fy - 60}H${fx + 250}L${fx + 310} ${fy - 66}L${fx + 268} ${fy + 30}H${fx - 290}Z`,
      fill: 'url(#hull)',
    }),
    el('path', { d: `M${fx - 296} ${fy - 20}H${fx + 290}L${fx + 284} ${fy - 6}H${fx - 294}Z`, fill: '#b8352b' }),
    el('path', { d: `M${fx - 292} ${fy + 4}H${fx + 278}L${fx + 268} ${fy + 30}H${fx - 290}Z`, fill: '#20385b' }),
    el('rect', { x: fx - 250, y: fy - 122, width: 420, height: 62, fill: '#eef1f3' }),
    el('rect', { x: fx - 210, y: fy - 170, width: 330, height: 48, fill: '#e6eaed' }),
    el('rect', { x: fx + 10, y: fy - 212, width: 110, height: 42, fill: '#dde2e6' }),
    el('path', {
      d: `M${fx - 150} ${fy - 170}L${fx - 140} ${fy - 236}H${fx - 96}L${fx - 88} ${fy - 170}Z`,
      fill: '#b8352b',
    }),
    el('rect', { x: fx - 142, y: fy - 240, width: 52, height: 14, fill: '#1b1f27' }),
    el('path', { d: `M${fx + 66} ${fy - 212}V${fy - 270}`, stroke: '#c9cfd4', 'stroke-width': 4 }),
    el('circle', { cx: fx + 66, cy: fy - 272, r: 5, fill: '#ffe7a0' }),
    el('circle', { cx: fx + 66, cy: fy - 272, r: 16, fill: '#ffe7a0', opacity: 0.4, filter: 'url(#glow)' }),
    el('rect', { x: fx + 18, y: fy - 204, width: 94, height: 14, fill: '#2a3a52' }),
    el('path', {
      d: `M${fx - 300} ${fy - 60}H${fx + 250}L${fx + 310} ${fy - 66}L${fx + 306} ${fy - 56}H${fx - 300}Z`,
      fill: '#ffffff',
      opacity: 0.6,
    }),
  );
  for (let wx = fx - 236; wx < fx + 160; wx += 26)
    ferry.push(
      el('rect', { x: wx, y: fy - 106, width: 16, height: 12, rx: 2, fill: rng.chance(0.7) ? '#ffd98e' : '#2a3a52' }),
    );
  for (let wx = fx - 196; wx < fx + 110; wx += 26)
    ferry.push(
      el('rect', { x: wx, y: fy - 156, width: 16, height: 12, rx: 2, fill: rng.chance(0.6) ? '#ffd98e' : '#2a3a52' }),
    );
  for (let wx = fx - 280; wx < fx + 250; wx += 34)
    ferry.push(el('circle', { cx: wx, cy: fy - 40, r: 5, fill: '#52606e' }));
  body.push(el('g', { transform: `rotate(${n(-3 + rng.range(-1, 1))} ${fx} ${fy})` }, ...ferry));
  // Spray thrown up at the bow.
  const spray: string[] = [];
  for (let i = 0; i < 9; i++)
    spray.push(
      el('ellipse', {
        cx: fx + 290 + rng.range(-60, 50),
        cy: fy + rng.range(-50, 20),
        rx: rng.range(20, 46),
        ry: rng.range(12, 26),
        fill: '#e6eef2',
        opacity: rng.range(0.3, 0.6),
      }),
    );
  body.push(el('g', { filter: 'url(#mist)' }, ...spray));
  for (let i = 0; i < 24; i++)
    body.push(
      el('circle', {
        cx: fx + 300 + rng.range(-50, 70),
        cy: fy - 20 + rng.range(-60, 30),
        r: rng.range(1.5, 3.5),
        fill: '#eef4f6',
        opacity: rng.range(0.5, 0.9),
      }),
    );
  for (let k = front; k < rows; k++) body.push(waveRow(k));

  // Rain over everything.
  const rain: string[] = [];
  for (let i = 0; i < 320; i++) {
    const x = rng.range(-100, W + 50);
    const y = rng.range(-80, H);
    const length = rng.range(40, 90);
    rain.push(`M${n(x)} ${n(y)}l${n(-length * 0.25)} ${n(length)}`);
  }
  body.push(
    el('path', {
      d: rain.join(''),
      stroke: '#cbd6e2',
      'stroke-opacity': 0.22,
      'stroke-width': 1.6,
      'stroke-linecap': 'round',
    }),
  );
}

// ---------------------------------------------------------------------------------------------------
// Internasional: NATO calls for an inquiry into the Azerbaijan Airlines crash. A map of the Caspian
// with the flight's route: Baku towards Grozny, then across the sea to Aktau.

function paintCaspianMap(rng: Rng, { defs, body }: Scene): void {
  const lat0 = 42;
  const lon0 = 49.2;
  const k = 64;
  const geo = (lon: number, lat: number): Point => [
    800 + (lon - lon0) * k * Math.cos((lat0 * Math.PI) / 180),
    450 - (lat - lat0) * k,
  ];
  const shape = (points: readonly Point[]): string => smoothPath(points.map(([lon, lat]) => geo(lon, lat)));
  const track = (points: readonly Point[]): string =>
    smoothPath(
      points.map(([lon, lat]) => geo(lon, lat)),
      false,
    );
  defs.push(
    linear('land', [
      [0, '#efe7d3'],
      [1, '#e0d4b8'],
    ]),
    linear(
      'caspian',
      [
        [0, '#bcd9e1'],
        [0.3, '#98c3d2'],
        [1, '#6e9fb7'],
      ],
      [0, 0, 0, 1],
    ),
    linear('blacksea', [
      [0, '#86b2c6'],
      [1, '#6694ac'],
    ]),
    radial(
      'light',
      [
        [0, '#ffffff', 0.3],
        [1, '#ffffff', 0],
      ],
      760,
      300,
      900,
      600,
    ),
    blur('relief', 16),
    blur('halo', 6),
  );
  body.push(el('rect', { width: W, height: H, fill: 'url(#land)' }));

  // Relief: the Caucasus, the Armenian highlands, the Alborz and the Kopet Dag, as soft shading.
  const ranges: readonly (readonly Point[])[] = [
    [
      [38.5, 44.2],
      [40.5, 43.6],
      [42.5, 43.0],
      [44.5, 42.7],
      [46.5, 42.0],
      [48.2, 41.3],
      [49.3, 40.8],
    ],
    [
      [42.5, 40.6],
      [44, 39.8],
      [45.5, 39.4],
      [46.5, 39.0],
    ],
    [
      [48.3, 38.6],
      [49, 37.3],
      [50.5, 36.5],
      [52.5, 36.0],
      [54.5, 36.4],
      [55.8, 37.0],
    ],
    [
      [56.2, 38.4],
      [57.8, 37.9],
      [59.5, 37.2],
    ],
  ];
  for (const range of ranges)
    body.push(
      el('path', {
        d: track(range),
        fill: 'none',
        stroke: '#c9bb97',
        'stroke-width': 46,
        'stroke-linecap': 'round',
        'stroke-linejoin': 'round',
        opacity: 0.45,
        filter: 'url(#relief)',
      }),
    );
  body.push(el('rect', { width: W, height: H, fill: 'url(#light)' }));

  // Rivers: Volga, Ural, Kura with the Aras, Terek, Don.
  const rivers: readonly (readonly Point[])[] = [
    [
      [48.3, 46.1],
      [47.6, 46.6],
      [46.6, 47.4],
      [45.6, 48.2],
      [44.6, 48.8],
      [44.3, 49.9],
      [45.2, 51],
    ],
    [
      [51.9, 46.95],
      [51.6, 47.8],
      [51.3, 48.7],
      [51.5, 49.8],
      [52.5, 51],
    ],
    [
      [49.3, 39.3],
      [48.4, 39.9],
      [47.3, 40.4],
      [46.2, 41],
      [44.8, 41.7],
      [43.6, 41.8],
    ],
    [
      [48.2, 39.6],
      [47.1, 39.6],
      [45.6, 39.4],
      [44.6, 39.9],
      [43.5, 40.2],
    ],
    [
      [47.6, 43.6],
      [46.6, 43.7],
      [45.6, 43.6],
      [44.6, 43.3],
    ],
    [
      [39.3, 47.15],
      [40.5, 47.5],
      [42.2, 47.7],
      [43.4, 48.3],
      [43.8, 49.2],
    ],
  ];
  for (const river of rivers)
    body.push(
      el('path', { d: track(river), fill: 'none', stroke: '#84aabd', 'stroke-width': 2.2, 'stroke-linecap': 'round' }),
    );

  // Seas and lakes, traced roughly from the coast's main capes and ports.
  const caspian: readonly Point[] = [
    [47.5, 43.0],
    [47.65, 43.6],
    [47.3, 44.2],
    [47.1, 44.8],
    [47.3, 45.4],
    [47.8, 45.7],
    [48.5, 45.85],
    [49.3, 46.15],
    [50.2, 46.55],
    [51.1, 46.9],
    [52.0, 46.95],
    [53.1, 46.8],
    [53.2, 46.2],
    [52.6, 45.6],
    [51.7, 45.4],
    [51.3, 44.9],
    [50.4, 44.6],
    [50.5, 44.15],
    [51.2, 43.6],
    [51.6, 43.15],
    [52.3, 42.5],
    [52.75, 41.8],
    [52.9, 41.25],
    [53.5, 41.85],
    [54.3, 41.95],
    [54.8, 41.35],
    [54.5, 40.85],
    [53.6, 40.75],
    [53.0, 40.95],
    [52.85, 40.45],
    [52.75, 39.95],
    [53.15, 39.35],
    [53.55, 38.7],
    [53.9, 37.75],
    [53.95, 37.1],
    [53.4, 36.85],
    [52.5, 36.7],
    [51.5, 36.65],
    [50.5, 37.0],
    [49.6, 37.45],
    [49.0, 37.95],
    [48.85, 38.6],
    [49.1, 39.1],
    [49.4, 39.6],
    [49.6, 40.05],
    [50.1, 40.25],
    [50.4, 40.45],
    [49.9, 40.55],
    [49.5, 40.85],
    [49.1, 41.3],
    [48.6, 41.8],
    [48.1, 42.25],
    [47.8, 42.6],
  ];
  const blackSea: readonly Point[] = [
    [26, 47],
    [30.7, 46.5],
    [31.6, 46.6],
    [32.6, 46.1],
    [32.6, 45.4],
    [33.4, 45.2],
    [33.5, 44.6],
    [34.2, 44.45],
    [35.0, 44.8],
    [35.4, 45.05],
    [36.1, 45.0],
    [36.55, 45.2],
    [37.3, 44.9],
    [37.8, 44.7],
    [39.1, 44.1],
    [39.7, 43.6],
    [41.0, 43.0],
    [41.65, 42.15],
    [41.6, 41.6],
    [40.5, 41.0],
    [39.7, 41.0],
    [37.9, 41.0],
    [36.3, 41.3],
    [35.15, 42.02],
    [34.0, 41.95],
    [31.8, 41.45],
    [29, 41.2],
    [26, 41],
  ];
  const azov: readonly Point[] = [
    [36.6, 45.4],
    [37.3, 45.3],
    [38.2, 46.0],
    [38.3, 46.7],
    [38.9, 47.2],
    [37.5, 47.1],
    [36.8, 46.75],
    [35.4, 46.4],
    [34.9, 46.2],
    [35.3, 45.7],
    [35.8, 45.4],
  ];
  const lakes: readonly (readonly Point[])[] = [
    [
      [45.0, 40.6],
      [45.4, 40.55],
      [45.55, 40.3],
      [45.3, 40.15],
      [45.0, 40.35],
    ],
    [
      [45.2, 38.2],
      [45.6, 37.9],
      [45.9, 37.5],
      [45.6, 37.2],
      [45.3, 37.5],
      [45.1, 37.9],
    ],
  ];
  for (const sea of [blackSea, azov])
    body.push(el('path', { d: shape(sea), fill: 'url(#blacksea)', stroke: '#5d8ca3', 'stroke-width': 2 }));
  body.push(
    el('path', {
      d: shape(caspian),
      fill: 'url(#caspian)',
      stroke: '#5d8ca3',
      'stroke-width': 2.5,
      'stroke-linejoin': 'round',
    }),
  );
  for (const lake of lakes)
    body.push(el('path', { d: shape(lake), fill: '#8fbccd', stroke: '#5d8ca3', 'stroke-width': 1.5 }));

  // Graticule every two degrees.
  for (let lat = 34; lat <= 50; lat += 2) {
    const [, y] = geo(lon0, lat);
    body.push(el('path', { d: `M0 ${n(y)}H${W}`, stroke: '#ffffff', 'stroke-opacity': 0.45, 'stroke-width': 1.2 }));
  }
  for (let lon = 30; lon <= 70; lon += 2) {
    const [x] = geo(lon, lat0);
    body.push(el('path', { d: `M${n(x)} 0V${H}`, stroke: '#ffffff', 'stroke-opacity': 0.45, 'stroke-width': 1.2 }));
  }

  // Other cities: Tbilisi, Yerevan, Makhachkala, Derbent, Astrakhan, Atyrau, Turkmenbashi, Tehran, Rasht.
  for (const [lon, lat] of [
    [44.8, 41.7],
    [44.5, 40.18],
    [47.5, 42.98],
    [48.3, 42.05],
    [48.03, 46.35],
    [51.9, 47.1],
    [52.97, 40.02],
    [51.4, 35.7],
    [49.6, 37.28],
  ] as const) {
    const [x, y] = geo(lon, lat);
    body.push(el('circle', { cx: x, cy: y, r: 5, fill: '#f7f3ea', stroke: '#7a7062', 'stroke-width': 2.5 }));
  }

  // The flight: Baku north-west towards Grozny, then east across the Caspian to Aktau.
  const baku = geo(49.87, 40.41);
  const grozny = geo(45.7, 43.32);
  const aktau = geo(51.2, 43.65);
  const bend1 = geo(47.3, 41.5);
  const bend2 = geo(48.5, 44.7 + rng.range(-0.15, 0.15));
  const route = `M${n(baku[0])} ${n(baku[1])}Q${n(bend1[0])} ${n(bend1[1])} ${n(grozny[0])} ${n(grozny[1])}Q${n(bend2[0])} ${n(bend2[1])} ${n(aktau[0])} ${n(aktau[1])}`;
  body.push(
    el('path', {
      d: route,
      fill: 'none',
      stroke: '#ffffff',
      'stroke-width': 10,
      'stroke-linecap': 'round',
      opacity: 0.75,
    }),
    el('path', {
      d: route,
      fill: 'none',
      stroke: '#b8322a',
      'stroke-width': 4.5,
      'stroke-dasharray': '16 11',
      'stroke-linecap': 'round',
    }),
  );
  for (const [x, y] of [baku, grozny])
    body.push(el('circle', { cx: x, cy: y, r: 10, fill: '#ffffff', stroke: '#2e3b4e', 'stroke-width': 4 }));
  body.push(
    el('circle', { cx: aktau[0], cy: aktau[1], r: 50, fill: '#b8322a', opacity: 0.12 }),
    el('circle', {
      cx: aktau[0],
      cy: aktau[1],
      r: 32,
      fill: 'none',
      stroke: '#b8322a',
      'stroke-width': 3,
      opacity: 0.5,
    }),
    el('circle', { cx: aktau[0], cy: aktau[1], r: 12, fill: '#b8322a', stroke: '#ffffff', 'stroke-width': 4 }),
  );
  // The aircraft, along the second leg.
  const t = 0.45;
  const q = (a: number, b: number, c: number): number => (1 - t) ** 2 * a + 2 * (1 - t) * t * b + t * t * c;
  const dq = (a: number, b: number, c: number): number => 2 * (1 - t) * (b - a) + 2 * t * (c - b);
  const plane: Point = [q(grozny[0], bend2[0], aktau[0]), q(grozny[1], bend2[1], aktau[1])];
  const heading =
    (Math.atan2(dq(grozny[1], bend2[1], aktau[1]), dq(grozny[0], bend2[0], aktau[0])) * 180) / Math.PI + 90;
  const aircraft =
    'M0 -30C3 -30 4 -26 4 -20V-6L30 8V14L4 7V20L11 26V30L0 27L-11 30V26L-4 20V7L-30 14V8L-4 -6V-20C-4 -26 -3 -30 0 -30Z';
  body.push(
    el('path', {
      d: aircraft,
      fill: '#000',
      opacity: 0.22,
      transform: `translate(${n(plane[0] + 10)} ${n(plane[1] + 16)}) rotate(${n(heading)}) scale(1.5)`,
      filter: 'url(#halo)',
    }),
    el('path', {
      d: aircraft,
      fill: '#2e3b4e',
      stroke: '#ffffff',
      'stroke-width': 1.6,
      transform: `translate(${n(plane[0])} ${n(plane[1])}) rotate(${n(heading)}) scale(1.5)`,
    }),
  );
}

// ---------------------------------------------------------------------------------------------------
// Olahraga: Indonesia's men's doubles win the World Tour Finals. A doubles pair at the net in an arena.

function paintBadmintonArena(rng: Rng, { defs, body }: Scene): void {
  const cam = camera(800, 210, 860, 3.4, 2.2);
  defs.push(
    linear('hall', [
      [0, '#0b1026'],
      [0.6, '#18224a'],
      [1, '#1c2a52'],
    ]),
    radial(
      'spot',
      [
        [0, '#ffffff', 0.16],
        [1, '#ffffff', 0],
      ],
      800,
      560,
      700,
      360,
    ),
    linear(
      'board',
      [
        [0, '#1b6fa8'],
        [0.5, '#2bb3c9'],
        [1, '#1b6fa8'],
      ],
      [0, 0, 1, 0],
    ),
    linear(
      'trail',
      [
        [0, '#ffffff', 0],
        [1, '#ffffff', 0.7],
      ],
      [0, 0, 1, 0],
    ),
    el(
      'pattern',
      { id: 'mesh', width: 7, height: 7, patternUnits: 'userSpaceOnUse' },
      el('path', { d: 'M0 0H7M0 0V7', stroke: '#0d0f14', 'stroke-width': 1.4, opacity: 0.7 }),
    ),
    blur('crowd', 1.6),
    blur('light', 16),
  );
  body.push(el('rect', { width: W, height: H, fill: 'url(#hall)' }));

  // Stands, softly out of focus, under the roof lights.
  const crowd: string[] = [];
  const crowdColors = ['#c23b3b', '#d9d4cc', '#38507a', '#8a6b4a', '#5c3a3a', '#a8a8b8', '#d24a4a'];
  for (let row = 0; row < 17; row++) {
    const y = 76 + row * 15;
    crowd.push(el('rect', { x: 0, y: y + 5, width: W, height: 6, fill: '#0d1330', opacity: 0.9 }));
    for (let x = rng.range(0, 14); x < W; x += rng.range(11, 17))
      if (rng.chance(0.85))
        crowd.push(
          el('circle', {
            cx: x,
            cy: y + rng.range(-1.5, 1.5),
            r: 4.6,
            fill: rng.pick(crowdColors),
            opacity: 0.4 + row * 0.02,
          }),
        );
  }
  body.push(el('g', { filter: 'url(#crowd)' }, ...crowd));
  for (let i = 0; i < 6; i++) {
    const x = 140 + i * 264 + rng.range(-20, 20);
    body.push(
      el('ellipse', { cx: x, cy: 40, rx: 90, ry: 36, fill: '#dfe8ff', opacity: 0.3, filter: 'url(#light)' }),
      el('ellipse', { cx: x, cy: 40, rx: 26, ry: 9, fill: '#f5f8ff' }),
    );
  }

  // Floor, court mat and advertising boards behind the far baseline.
  const [bx1, by1] = cam.project(-9.5, 16.6, 0.9);
  const [bx2, by2] = cam.project(9.5, 16.6, 0);
  body.push(
    el('rect', { x: 0, y: by2 - 2, width: W, height: H, fill: '#1d3558' }),
    el('rect', { x: bx1, y: by1, width: bx2 - bx1, height: by2 - by1, fill: 'url(#board)' }),
    el('rect', { x: bx1, y: by1, width: bx2 - bx1, height: 3, fill: '#9fe6f0', opacity: 0.6 }),
    el('path', {
      d: pathOf([cam.project(-5.1, -1), cam.project(5.1, -1), cam.project(5.1, 15.6), cam.project(-5.1, 15.6)]),
      fill: '#2c7d5a',
    }),
    el('rect', { width: W, height: H, fill: 'url(#spot)' }),
  );
  const lines = [
    cam.strip(-3.05, 0, -3.05, 13.4, 0.05),
    cam.strip(3.05, 0, 3.05, 13.4, 0.05),
    cam.strip(-2.59, 0, -2.59, 13.4, 0.05),
    cam.strip(2.59, 0, 2.59, 13.4, 0.05),
    cam.strip(-3.05, 0, 3.05, 0, 0.05),
    cam.strip(-3.05, 13.4, 3.05, 13.4, 0.05),
    cam.strip(-3.05, 0.76, 3.05, 0.76, 0.05),
    cam.strip(-3.05, 12.64, 3.05, 12.64, 0.05),
    cam.strip(-3.05, 4.72, 3.05, 4.72, 0.05),
    cam.strip(-3.05, 8.68, 3.05, 8.68, 0.05),
    cam.strip(0, 0, 0, 4.72, 0.05),
    cam.strip(0, 8.68, 0, 13.4, 0.05),
  ];
  body.push(el('path', { d: lines.join(''), fill: '#f1f3ee' }));

  const red: Kit = { skin: '#8a5a3c', shirt: '#d3262f', shorts: '#f1f1f1', shoes: '#f4f4f4', hair: '#16130f' };
  const rival: Kit = { skin: '#e0b592', shirt: '#f2c230', shorts: '#1d2f5a', shoes: '#f4f4f4', hair: '#16130f' };
  const racket = (hand: Point, angle: number, scale: number): { svg: string; head: Point } => {
    const rad = (angle * Math.PI) / 180;
    const tip: Point = [hand[0] + Math.sin(rad) * 30 * scale, hand[1] - Math.cos(rad) * 30 * scale];
    const head: Point = [hand[0] + Math.sin(rad) * 42 * scale, hand[1] - Math.cos(rad) * 42 * scale];
    const svg =
      el('path', {
        d: pathOf([hand, tip], true),
        stroke: '#22252c',
        'stroke-width': 2.4 * scale,
        'stroke-linecap': 'round',
      }) +
      el('ellipse', {
        cx: head[0],
        cy: head[1],
        rx: 8 * scale,
        ry: 11 * scale,
        fill: '#ffffff',
        'fill-opacity': 0.15,
        stroke: '#e8e8ea',
        'stroke-width': 1.8 * scale,
        transform: `rotate(${n(angle)} ${n(head[0])} ${n(head[1])})`,
      });
    return { svg, head };
  };
  const player = (
    x: number,
    z: number,
    pose: Pose,
    kit: Kit,
    facingLeft: boolean,
    jump: number,
    swing: number,
  ): { svg: string; head: Point } => {
    const scale = cam.scaleAt(z) * 0.0175;
    const ground = cam.project(x, z);
    const figure = standing(ground, scale, pose, kit, facingLeft, jump * cam.scaleAt(z));
    const held = racket(figure.frontHand, facingLeft ? -swing : swing, scale);
    return { svg: floorShadow(ground, 26 * scale, 0.4) + figure.svg + held.svg, head: held.head };
  };
  // Far side, behind the net.
  body.push(
    player(-2.1 + rng.range(-0.2, 0.2), 10.4, POSES.ready, rival, false, 0, 30).svg,
    player(1.2 + rng.range(-0.2, 0.2), 12.2, POSES.ready, rival, true, 0, -40).svg,
  );
  // Net.
  const [nl, nTop] = cam.project(-3.05, 6.7, 1.55);
  const [nr, nBottom] = cam.project(3.05, 6.7, 0.79);
  const [, postFoot] = cam.project(3.05, 6.7, 0);
  body.push(
    el('rect', { x: nl, y: nTop, width: nr - nl, height: nBottom - nTop, fill: 'url(#mesh)' }),
    el('rect', { x: nl, y: nTop, width: nr - nl, height: nBottom - nTop, fill: '#0d0f14', opacity: 0.18 }),
    el('rect', { x: nl, y: nTop - 2, width: nr - nl, height: 8, fill: '#f4f4f0' }),
    el('path', {
      d: `M${n(nl)} ${n(nTop - 4)}V${n(postFoot)}M${n(nr)} ${n(nTop - 4)}V${n(postFoot)}`,
      stroke: '#c8ccd4',
      'stroke-width': 6,
    }),
  );
  // Near side: one player leaps into a smash, the partner waits low.
  body.push(player(1.7 + rng.range(-0.2, 0.2), 5.2, POSES.ready, red, true, 0, -50).svg);
  const smashX = -1.3 + rng.range(-0.15, 0.15);
  const smash = player(smashX, 3.3, POSES.smash, red, false, 0.5, 12);
  body.push(smash.svg);
  // The shuttle, just struck, heading down into the far court.
  const [sx, sy] = cam.project(smashX + 1.1, 5.2, 2.2);
  const angle = (Math.atan2(sy - smash.head[1], sx - smash.head[0]) * 180) / Math.PI;
  const scale = cam.scaleAt(4.8) * 0.0175;
  body.push(
    el('path', {
      d: pathOf([smash.head, [sx, sy]], true),
      stroke: '#ffffff',
      'stroke-opacity': 0.35,
      'stroke-width': 4 * scale,
      'stroke-linecap': 'round',
    }),
    el(
      'g',
      { transform: `translate(${n(sx)} ${n(sy)}) rotate(${n(angle)}) scale(${(scale * 0.8).toFixed(2)})` },
      el('path', { d: 'M-3 -3.5L-15 -7.5V7.5L-3 3.5Z', fill: '#f7f7f5', stroke: '#d8d8d4', 'stroke-width': 0.6 }),
      el('circle', { cx: 0, cy: 0, r: 4, fill: '#ffffff' }),
    ),
  );
}

// ---------------------------------------------------------------------------------------------------
// Olahraga: Timnas out of the AFF Cup. A stadium at night, red shirts against blue.

function paintFootballStadium(rng: Rng, { defs, body }: Scene): void {
  const cam = camera(800, 330, 700, 8, 8);
  defs.push(
    linear('night', [
      [0, '#060a16'],
      [0.7, '#16213e'],
      [1, '#2a3658'],
    ]),
    linear('stand', [
      [0, '#1a1f35'],
      [1, '#2a2f48'],
    ]),
    linear('beam', [
      [0, '#fffbe6', 0.22],
      [1, '#fffbe6', 0],
    ]),
    radial(
      'pool',
      [
        [0, '#fffbe0', 0.22],
        [1, '#fffbe0', 0],
      ],
      800,
      560,
      760,
      280,
    ),
    blur('crowd', 1.4),
    blur('light', 14),
    el(
      'pattern',
      { id: 'net', width: 4, height: 4, patternUnits: 'userSpaceOnUse' },
      el('path', { d: 'M0 0H4M0 0V4', stroke: '#ffffff', 'stroke-width': 0.8, opacity: 0.6 }),
    ),
  );
  body.push(el('rect', { width: W, height: H, fill: 'url(#night)' }));

  // Stands: a bowl of red and white supporters.
  const [, standFoot] = cam.project(0, 72);
  body.push(el('path', { d: `M0 ${n(standFoot)}V150Q800 118 ${W} 150V${n(standFoot)}Z`, fill: 'url(#stand)' }));
  const crowd: string[] = [];
  for (let row = 0; row < 15; row++) {
    const y = 165 + row * ((standFoot - 175) / 15);
    crowd.push(
      el('path', {
        d: `M0 ${n(y + 6)}Q800 ${n(y - 20 + row * 1.5)} ${W} ${n(y + 6)}`,
        fill: 'none',
        stroke: '#0b0e1c',
        'stroke-width': 3,
        opacity: 0.6,
      }),
    );
    for (let x = rng.range(0, 10); x < W; x += rng.range(8, 12)) {
      const curve = -26 * (1 - ((x - 800) / 800) ** 2) * (1 - row / 18);
      if (rng.chance(0.9))
        crowd.push(
          el('circle', {
            cx: x,
            cy: y + curve + rng.range(-1.5, 1.5),
            r: 3.4,
            fill: rng.chance(0.62)
              ? rng.pick(['#c9262f', '#e0343c', '#a81f28'])
              : rng.pick(['#e6e2dc', '#c7c3bd', '#2d3550']),
            opacity: 0.5 + row * 0.02,
          }),
        );
    }
  }
  body.push(el('g', { filter: 'url(#crowd)' }, ...crowd));
  // Roof and floodlights.
  body.push(el('path', { d: `M0 160V96Q800 56 ${W} 96V160Q800 124 0 160Z`, fill: '#0c101e' }));
  for (let i = 0; i < 9; i++) {
    const x = 90 + i * 177.5;
    const y = 106 - 24 * (1 - ((x - 800) / 800) ** 2);
    body.push(
      el('path', {
        d: `M${n(x - 30)} ${n(y + 8)}L${n(x + 30)} ${n(y + 8)}L${n(800 + (x - 800) * 0.8 + 150)} 760L${n(800 + (x - 800) * 0.8 - 150)} 760Z`,
        fill: 'url(#beam)',
        opacity: 0.3,
      }),
      el('ellipse', { cx: x, cy: y, rx: 60, ry: 24, fill: '#fff6dc', opacity: 0.45, filter: 'url(#light)' }),
      el('rect', { x: x - 26, y: y - 7, width: 52, height: 14, rx: 3, fill: '#fffdf3' }),
    );
  }
  // Boards along the far touchline.
  const [, boardTop] = cam.project(0, 70.5, 0.9);
  body.push(el('rect', { x: 0, y: boardTop, width: W, height: standFoot - boardTop + 2, fill: '#1e7bc0' }));
  for (let x = 0; x < W; x += 260)
    body.push(
      el('rect', { x, y: boardTop, width: 130, height: standFoot - boardTop + 2, fill: '#e24c3b', opacity: 0.85 }),
    );

  // The pitch, striped by the mower.
  const stripes: string[] = [];
  for (let i = -12; i < 12; i++) {
    const x0 = i * 5.25;
    stripes.push(
      el('path', {
        d: pathOf([cam.project(x0, -4), cam.project(x0 + 5.25, -4), cam.project(x0 + 5.25, 71), cam.project(x0, 71)]),
        fill: i % 2 === 0 ? '#2f7a3a' : '#3a8845',
      }),
    );
  }
  body.push(...stripes, el('rect', { x: 0, y: boardTop, width: W, height: H, fill: 'url(#pool)' }));
  const marks = [
    cam.strip(-52.5, 0, 52.5, 0, 0.14),
    cam.strip(-52.5, 68, 52.5, 68, 0.14),
    cam.strip(0, 0, 0, 68, 0.14),
    cam.strip(-52.5, 0, -52.5, 68, 0.14),
    cam.strip(52.5, 0, 52.5, 68, 0.14),
    cam.ring(0, 34, 9.15, 0.14),
    cam.ring(0, 34, 0.25, 0.3),
  ];
  for (const side of [-1, 1]) {
    const goalLine = side * 52.5;
    for (const [depth, half] of [
      [16.5, 20.16],
      [5.5, 9.16],
    ] as const) {
      const front = goalLine - side * depth;
      marks.push(
        cam.strip(goalLine, 34 - half, front, 34 - half, 0.14),
        cam.strip(front, 34 - half, front, 34 + half, 0.14),
        cam.strip(front, 34 + half, goalLine, 34 + half, 0.14),
      );
    }
  }
  body.push(el('path', { d: marks.join(''), fill: '#eef3ea', 'fill-opacity': 0.9, 'fill-rule': 'evenodd' }));
  // Goals.
  for (const side of [-1, 1]) {
    const x = side * 52.5;
    const [p1x, p1y] = cam.project(x, 34 - 3.66);
    const [p2x, p2y] = cam.project(x, 34 + 3.66);
    const [t1x, t1y] = cam.project(x, 34 - 3.66, 2.44);
    const [t2x, t2y] = cam.project(x, 34 + 3.66, 2.44);
    const [b1x, b1y] = cam.project(x + side * 2, 34 - 3.66, 0);
    body.push(
      el('path', {
        d: pathOf([
          [t1x, t1y],
          [t2x, t2y],
          [p2x, p2y],
          [b1x + (p2x - p1x), b1y + (p2y - p1y)],
          [b1x, b1y],
          [p1x, p1y],
        ]),
        fill: 'url(#net)',
      }),
      el('path', {
        d: `M${n(p1x)} ${n(p1y)}L${n(t1x)} ${n(t1y)}L${n(t2x)} ${n(t2y)}L${n(p2x)} ${n(p2y)}`,
        fill: 'none',
        stroke: '#ffffff',
        'stroke-width': 3,
      }),
    );
  }

  // Players: Indonesia in red, the Philippines in blue.
  const indonesia: Kit = { skin: '#8a5a3c', shirt: '#d3262f', shorts: '#f2f2f2', socks: '#d3262f', hair: '#16130f' };
  const philippines: Kit = { skin: '#8a5a3c', shirt: '#1d3f8f', shorts: '#1d3f8f', socks: '#f2f2f2', hair: '#16130f' };
  const spots = [
    { x: -2.5, z: 4.2, kit: indonesia, pose: POSES.dribble, left: false, ball: true },
    { x: 0.6, z: 5.4, kit: philippines, pose: POSES.tackle, left: true, ball: false },
    { x: -8.5, z: 9, kit: indonesia, pose: POSES.run, left: false, ball: false },
    { x: 5, z: 11, kit: philippines, pose: POSES.stride, left: true, ball: false },
    { x: 10, z: 7.5, kit: indonesia, pose: POSES.run, left: true, ball: false },
    { x: 1.5, z: 19, kit: indonesia, pose: POSES.stride, left: false, ball: false },
    { x: -5, z: 24, kit: philippines, pose: POSES.run, left: false, ball: false },
    { x: 13, z: 27, kit: philippines, pose: POSES.run, left: true, ball: false },
    { x: -17, z: 18, kit: philippines, pose: POSES.stand, left: false, ball: false },
    { x: 22, z: 36, kit: indonesia, pose: POSES.walk, left: true, ball: false },
  ];
  const shift = rng.range(-3, 3);
  for (const spot of spots.toSorted((a, b) => b.z - a.z)) {
    const x = spot.x + shift + rng.range(-1, 1);
    const scale = cam.scaleAt(spot.z) * 0.0175;
    const ground = cam.project(x, spot.z);
    body.push(
      floorShadow([ground[0] + 6 * scale, ground[1]], 20 * scale, 0.35),
      standing(ground, scale, spot.pose, spot.kit, spot.left).svg,
    );
    if (spot.ball) {
      const ball = cam.project(x + 0.75, spot.z - 0.1, 0.11);
      body.push(
        floorShadow(cam.project(x + 0.75, spot.z - 0.1), 10 * scale, 0.35),
        el('circle', { cx: ball[0], cy: ball[1], r: 11 * scale, fill: '#f7f7f4' }),
        el('circle', { cx: ball[0] + 2 * scale, cy: ball[1] + 1 * scale, r: 4 * scale, fill: '#2a2a2a' }),
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Internasional: Lavrov calls a ceasefire a dead end. An empty negotiating table between two flags.

function paintTalksRoom(rng: Rng, { defs, body }: Scene): void {
  defs.push(
    linear('wall', [
      [0, '#c9b48e'],
      [1, '#9d845f'],
    ]),
    linear('window', [
      [0, '#eaf0f3'],
      [1, '#b9c9d4'],
    ]),
    linear(
      'curtain',
      [
        [0, '#5a1722'],
        [0.5, '#8a2a36'],
        [1, '#5a1722'],
      ],
      [0, 0, 46, 0],
      { gradientUnits: 'userSpaceOnUse', spreadMethod: 'repeat' },
    ),
    linear(
      'drape',
      [
        [0, '#1f3e30'],
        [0.5, '#2d5643'],
        [1, '#1f3e30'],
      ],
      [0, 0, 90, 0],
      { gradientUnits: 'userSpaceOnUse', spreadMethod: 'repeat' },
    ),
    linear(
      'folds',
      [
        [0, '#000', 0.16],
        [0.5, '#fff', 0.1],
        [1, '#000', 0.16],
      ],
      [0, 0, 50, 0],
      { gradientUnits: 'userSpaceOnUse', spreadMethod: 'repeat' },
    ),
    linear('baize', [
      [0, '#2d5a45'],
      [1, '#3b6d55'],
    ]),
    linear(
      'chair',
      [
        [0, '#5c2228'],
        [0.5, '#7a3038'],
        [1, '#4a1a20'],
      ],
      [0, 0, 1, 0],
    ),
    linear('floor', [
      [0, '#4a2f1f'],
      [1, '#2e1c12'],
    ]),
    linear('shaft', [
      [0, '#fff8e6', 0.22],
      [1, '#fff8e6', 0],
    ]),
    radial(
      'lamp',
      [
        [0, '#ffe7b5', 0.35],
        [1, '#ffe7b5', 0],
      ],
      800,
      60,
      700,
      420,
    ),
    blur('soft', 3),
  );
  body.push(el('rect', { width: W, height: H, fill: 'url(#wall)' }));
  // Wall panels.
  for (let x = 380; x < 1220; x += 210)
    body.push(
      el('rect', {
        x: x + 10,
        y: 70,
        width: 190,
        height: 440,
        fill: 'none',
        stroke: '#e0d0b0',
        'stroke-opacity': 0.45,
        'stroke-width': 4,
      }),
    );
  // Windows with curtains and light shafts.
  for (const side of [-1, 1]) {
    const cx = 800 + side * 640;
    body.push(el('rect', { x: cx - 110, y: 40, width: 220, height: 520, fill: 'url(#window)' }));
    for (let y = 40; y < 560; y += 130)
      body.push(el('path', { d: `M${cx - 110} ${y}H${cx + 110}`, stroke: '#f5f1e8', 'stroke-width': 8 }));
    body.push(el('path', { d: `M${cx} 40V560`, stroke: '#f5f1e8', 'stroke-width': 8 }));
    body.push(
      el('path', {
        d: `M${cx - 110} 560L${cx + 110} 560L${cx - side * 380} 900L${cx - side * 700} 900Z`,
        fill: 'url(#shaft)',
      }),
    );
    for (const edge of [-1, 1])
      body.push(
        el('path', {
          d: `M${cx + edge * 110 - 60} 20H${cx + edge * 110 + 60}L${cx + edge * 110 + 50 - edge * 24} 600H${cx + edge * 110 - 50 - edge * 24}Z`,
          fill: 'url(#curtain)',
        }),
      );
    body.push(el('rect', { x: cx - 190, y: 14, width: 380, height: 14, rx: 7, fill: '#b59048' }));
  }
  body.push(el('rect', { width: W, height: H, fill: 'url(#lamp)' }));

  // Two flags on poles: Russia and Ukraine.
  const flag = (x: number, side: number, bands: readonly string[]): string => {
    const width = 150;
    const top = 150;
    const height = 270;
    const x0 = side < 0 ? x - width : x;
    const sway = Math.round(rng.range(-8, 8));
    const outline = `M${x0} ${top}H${x0 + width}V${top + height + (side < 0 ? 20 : 0)}C${x0 + width * 0.66} ${top + height + 14 + sway} ${x0 + width * 0.33} ${top + height - 10} ${x0} ${top + height + (side < 0 ? 0 : 20)}Z`;
    const id = `flag${side < 0 ? 'L' : 'R'}`;
    const bandHeight = (height + 30) / bands.length;
    return (
      el('clipPath', { id }, el('path', { d: outline })) +
      el(
        'g',
        { 'clip-path': `url(#${id})` },
        ...bands.map((color, i) =>
          el('rect', { x: x0, y: top + i * bandHeight, width, height: bandHeight + 1, fill: color }),
        ),
        el('rect', { x: x0, y: top, width, height: height + 40, fill: 'url(#folds)' }),
      ) +
      el('path', { d: `M${x} 120V640`, stroke: '#b59048', 'stroke-width': 8 }) +
      el('circle', { cx: x, cy: 114, r: 11, fill: '#d8b460' })
    );
  };
  body.push(flag(700, -1, ['#f4f4f2', '#1c3f94', '#cf2a2a']), flag(900, 1, ['#1f5bb8', '#f5cf2b']));

  // Empty high-backed chairs behind the table.
  const seats = [230, 420, 610, 990, 1180, 1370];
  for (const x of seats) {
    body.push(
      el('path', {
        d: `M${x - 66} 600V446Q${x - 66} 404 ${x - 30} 396Q${x} 384 ${x + 30} 396Q${x + 66} 404 ${x + 66} 446V600Z`,
        fill: '#4a2c1c',
      }),
      el('path', {
        d: `M${x - 54} 600V450Q${x - 54} 416 ${x - 26} 410Q${x} 400 ${x + 26} 410Q${x + 54} 416 ${x + 54} 450V600Z`,
        fill: 'url(#chair)',
      }),
      el('path', {
        d: `M${x - 30} 402Q${x} 390 ${x + 30} 402`,
        fill: 'none',
        stroke: '#d2a866',
        'stroke-opacity': 0.5,
        'stroke-width': 3,
      }),
    );
    for (const [dx, dy] of [
      [-28, 0],
      [0, 0],
      [28, 0],
      [-14, 36],
      [14, 36],
      [-28, 72],
      [0, 72],
      [28, 72],
    ] as const)
      body.push(el('circle', { cx: x + dx, cy: 440 + dy, r: 3.5, fill: '#3a1317' }));
  }
  // The table.
  body.push(
    el('rect', { x: 0, y: 780, width: W, height: 130, fill: 'url(#floor)' }),
    el('path', { d: 'M70 572H1530L1580 640H20Z', fill: 'url(#baize)' }),
    el('rect', { x: 20, y: 638, width: 1560, height: 162, fill: 'url(#drape)' }),
    el('rect', { x: 20, y: 636, width: 1560, height: 8, fill: '#b59048' }),
    el('rect', { x: 20, y: 800, width: 1560, height: 24, fill: '#000', opacity: 0.35, filter: 'url(#soft)' }),
  );
  // On the table: microphones, glasses, folders, and flowers in the middle.
  for (const x of seats) {
    const mx = x + 10;
    body.push(
      el('ellipse', { cx: x, cy: 614, rx: 52, ry: 9, fill: '#1c1c22', opacity: 0.25 }),
      el('path', {
        d: `M${x - 46} 602L${x + 36} 602L${x + 46} 626L${x - 38} 626Z`,
        fill: x < 800 ? '#2a2f45' : '#4b2130',
      }),
      el('ellipse', { cx: mx + 30, cy: 600, rx: 16, ry: 5, fill: '#22252b' }),
      el('path', {
        d: `M${mx + 30} 598C${mx + 30} 570 ${mx + 10} 560 ${mx - 4} 548`,
        fill: 'none',
        stroke: '#2c2f36',
        'stroke-width': 4,
      }),
      el('rect', {
        x: mx - 16,
        y: 540,
        width: 16,
        height: 11,
        rx: 4,
        fill: '#1d1f25',
        transform: `rotate(-30 ${mx - 8} 545)`,
      }),
      el('path', {
        d: `M${x - 74} 576H${x - 56}L${x - 58} 608H${x - 72}Z`,
        fill: '#e8f1f5',
        'fill-opacity': 0.45,
        stroke: '#ffffff',
        'stroke-opacity': 0.6,
        'stroke-width': 1.5,
      }),
    );
  }
  body.push(
    el('ellipse', { cx: 800, cy: 606, rx: 44, ry: 10, fill: '#1b1b1b', opacity: 0.3 }),
    el('path', { d: 'M780 560H820L812 604H788Z', fill: '#d8d4cb' }),
  );
  for (let i = 0; i < 14; i++)
    body.push(
      el('circle', {
        cx: 800 + rng.range(-58, 58),
        cy: 540 + rng.range(-34, 18),
        r: rng.range(9, 15),
        fill: rng.pick(['#f6f3ec', '#efe7d6', '#f9f6f0']),
        stroke: '#d6ccb8',
        'stroke-width': 1,
      }),
    );
  for (let i = 0; i < 6; i++)
    body.push(
      el('ellipse', {
        cx: 800 + rng.range(-60, 60),
        cy: 556 + rng.range(-6, 10),
        rx: 12,
        ry: 5,
        fill: '#5c7d46',
        transform: `rotate(${n(rng.range(-40, 40))} 800 560)`,
      }),
    );
}

// ---------------------------------------------------------------------------------------------------
// Teknologi: IMEI registration for phones bought abroad. A phone with a verified device in an airport.

function paintAirportPhone(rng: Rng, { defs, body }: Scene): void {
  const horizon = 520;
  defs.push(
    linear(
      'dusk',
      [
        [0, '#22345f'],
        [0.55, '#7a6a93'],
        [0.85, '#e39a6e'],
        [1, '#f3c08a'],
      ],
      [0, 0, 0, 1],
      { gradientUnits: 'userSpaceOnUse', x2: 0, y2: horizon },
    ),
    linear('floor', [
      [0, '#4a4e5c'],
      [1, '#22252e'],
    ]),
    linear(
      'glass',
      [
        [0, '#ffffff', 0],
        [0.5, '#ffffff', 0.12],
        [1, '#ffffff', 0],
      ],
      [0, 0, 1, 0],
    ),
    linear('screen', [
      [0, '#1d4f8f'],
      [1, '#2f9ac0'],
    ]),
    linear('fuselage', [
      [0, '#ffffff'],
      [1, '#cdd4dc'],
    ]),
    radial(
      'sun',
      [
        [0, '#ffe2b0', 0.8],
        [1, '#ffe2b0', 0],
      ],
      1150,
      500,
      420,
      200,
    ),
    blur('shadow', 18),
    blur('soft', 2.5),
  );
  body.push(
    el('rect', { width: W, height: horizon, fill: 'url(#dusk)' }),
    el('rect', { width: W, height: horizon, fill: 'url(#sun)' }),
  );
  // A distant plane climbing out.
  body.push(
    el('path', {
      d: 'M0 -4H40L52 -14H58L52 -2H70V2H52L58 14H52L40 4H0Z',
      fill: '#2b3250',
      opacity: 0.7,
      transform: `translate(${n(300 + rng.range(-40, 40))} 170) rotate(-12) scale(0.9)`,
    }),
  );
  // Apron and runway lights.
  body.push(
    el('rect', { x: 0, y: horizon, width: W, height: 120, fill: '#3c3f4e' }),
    el('path', {
      d: `M0 ${horizon + 36}H${W}`,
      stroke: '#d9d2b6',
      'stroke-opacity': 0.4,
      'stroke-width': 3,
      'stroke-dasharray': '40 30',
    }),
  );
  for (let x = rng.range(0, 40); x < W; x += 46)
    body.push(el('circle', { cx: x, cy: horizon + 14, r: 2.5, fill: rng.chance(0.5) ? '#ffe08a' : '#8fb8ff' }));

  // A parked airliner, side on.
  const ax = Math.round(560 + rng.range(-40, 40));
  const ay = horizon + 20;
  body.push(
    el('ellipse', { cx: ax + 20, cy: ay + 58, rx: 380, ry: 14, fill: '#000', opacity: 0.3 }),
    el('path', {
      d: `M${ax + 300} ${ay - 60}L${ax + 380} ${ay - 170}H${ax + 414}L${ax + 390} ${ay - 56}Z`,
      fill: '#c8322c',
    }),
    el('path', {
      d: `M${ax - 360} ${ay - 20}C${ax - 360} ${ay - 58} ${ax - 320} ${ay - 66} ${ax - 270} ${ay - 66}H${ax + 400}L${ax + 420} ${ay - 40}C${ax + 390} ${ay - 6} ${ax + 340} ${ay + 6} ${ax + 280} ${ay + 6}H${ax - 300}C${ax - 345} ${ay + 6} ${ax - 360} ${ay - 4} ${ax - 360} ${ay - 20}Z`,
      fill: 'url(#fuselage)',
    }),
    el('path', { d: `M${ax - 330} ${ay - 2}H${ax + 300}`, stroke: '#c8322c', 'stroke-width': 6 }),
    el('path', {
      d: `M${ax - 340} ${ay - 40}C${ax - 330} ${ay - 52} ${ax - 316} ${ay - 54} ${ax - 300} ${ay - 52}L${ax - 304} ${ay - 38}Z`,
      fill: '#2b3250',
    }),
    el('path', {
      d: `M${ax - 60} ${ay - 10}L${ax + 120} ${ay - 10}L${ax + 40} ${ay + 30}H${ax - 20}Z`,
      fill: '#aeb7c2',
    }),
    el('rect', { x: ax - 30, y: ay + 8, width: 90, height: 34, rx: 16, fill: '#9aa4b0' }),
    el('rect', { x: ax - 280, y: ay + 6, width: 8, height: 40, fill: '#2b2e38' }),
    el('circle', { cx: ax - 276, cy: ay + 46, r: 10, fill: '#1d2028' }),
    el('circle', { cx: ax + 60, cy: ay + 46, r: 11, fill: '#1d2028' }),
    el('circle', { cx: ax + 88, cy: ay + 46, r: 11, fill: '#1d2028' }),
  );
  for (let x = ax - 260; x < ax + 300; x += 22)
    body.push(el('rect', { x, y: ay - 46, width: 10, height: 12, rx: 4, fill: '#3b4560' }));

  // The terminal's glass wall, ceiling and floor.
  for (let x = 0; x <= W; x += 200) body.push(el('rect', { x: x - 7, y: 0, width: 14, height: 640, fill: '#2a2e3a' }));
  body.push(
    el('rect', { x: 0, y: 300, width: W, height: 10, fill: '#2a2e3a' }),
    el('path', { d: 'M0 0H1600V70L0 110Z', fill: '#1f222b' }),
    el('rect', { x: 0, y: 630, width: W, height: 280, fill: 'url(#floor)' }),
    el('rect', { x: 0, y: 626, width: W, height: 10, fill: '#1a1c24' }),
  );
  for (let x = -200; x < W; x += 380)
    body.push(el('path', { d: `M${x} 640L${x + 160} 0H${x + 230}L${x + 70} 640Z`, fill: 'url(#glass)' }));
  body.push(el('rect', { x: 0, y: 640, width: W, height: 130, fill: '#f3c08a', opacity: 0.1 }));
  // Travellers with suitcases.
  for (const [i, x] of [170, 430, 770].entries()) {
    const left = i === 1;
    const ground = 800 - i * 22;
    const scale = 1.9 - i * 0.2;
    const tone = ['#252833', '#2b2e3a', '#30333f'][i] ?? '#2b2e3a';
    const kit: Kit = { skin: tone, shirt: tone, shorts: tone, shoes: tone, hair: tone };
    const walker = standing([x + rng.range(-30, 30), ground], scale, POSES.walk, kit, left);
    const [hx, hy] = walker.backHand;
    const [caseW, caseH] = [56 * scale * 0.55, 80 * scale * 0.55];
    const caseX = left ? hx + 22 * scale : hx - 22 * scale - caseW;
    const handle: Point = [left ? caseX + 6 : caseX + caseW - 6, ground - caseH];
    body.push(
      floorShadow([x, ground + 2], 60, 0.3),
      el('path', { d: pathOf([[hx, hy], handle], true), stroke: '#1a1c24', 'stroke-width': 3.5 }),
      el('rect', {
        x: caseX,
        y: ground - caseH,
        width: caseW,
        height: caseH - 6,
        rx: 8,
        fill: ['#3d5a80', '#7a3b3b', '#3f5f4a'][i] ?? '#3d5a80',
      }),
      el('circle', { cx: caseX + 8, cy: ground - 4, r: 4, fill: '#15171d' }),
      el('circle', { cx: caseX + caseW - 8, cy: ground - 4, r: 4, fill: '#15171d' }),
      walker.svg,
    );
  }

  // The phone, held up in the foreground.
  const phone: string[] = [];
  const [px, py, pw, ph] = [1040, 200, 340, 700];
  phone.push(
    el('rect', {
      x: px + 30,
      y: py + 40,
      width: pw,
      height: ph,
      rx: 48,
      fill: '#000',
      opacity: 0.45,
      filter: 'url(#shadow)',
    }),
    el('rect', { x: px, y: py, width: pw, height: ph, rx: 48, fill: '#14161c' }),
    el('rect', {
      x: px + 4,
      y: py + 4,
      width: pw - 8,
      height: ph - 8,
      rx: 44,
      fill: 'none',
      stroke: '#4b5060',
      'stroke-width': 3,
    }),
    el('rect', { x: px + 16, y: py + 16, width: pw - 32, height: ph - 32, rx: 34, fill: 'url(#screen)' }),
    el('rect', { x: px + pw / 2 - 40, y: py + 30, width: 80, height: 22, rx: 11, fill: '#0b0c10' }),
  );
  for (let i = 0; i < 4; i++)
    phone.push(
      el('rect', { x: px + 40 + i * 10, y: py + 52 - i * 5, width: 6, height: 8 + i * 5, rx: 1.5, fill: '#ffffff' }),
    );
  phone.push(
    el('rect', {
      x: px + pw - 80,
      y: py + 40,
      width: 36,
      height: 16,
      rx: 4,
      fill: 'none',
      stroke: '#ffffff',
      'stroke-width': 2,
    }),
    el('rect', { x: px + pw - 77, y: py + 43, width: 24, height: 10, rx: 2, fill: '#ffffff' }),
  );
  const sx = px + pw / 2;
  const shield = `M${sx} ${py + 120}L${sx + 78} ${py + 150}V${py + 220}C${sx + 78} ${py + 270} ${sx + 40} ${py + 300} ${sx} ${py + 318}C${sx - 40} ${py + 300} ${sx - 78} ${py + 270} ${sx - 78} ${py + 220}V${py + 150}Z`;
  phone.push(
    el('circle', { cx: sx, cy: py + 218, r: 120, fill: '#ffffff', opacity: 0.08 }),
    el('path', { d: shield, fill: '#ffffff' }),
    el('path', {
      d: `M${sx - 34} ${py + 218}L${sx - 8} ${py + 244}L${sx + 38} ${py + 192}`,
      fill: 'none',
      stroke: '#22a06b',
      'stroke-width': 16,
      'stroke-linecap': 'round',
      'stroke-linejoin': 'round',
    }),
    el('rect', { x: px + 44, y: py + 360, width: pw - 88, height: 110, rx: 14, fill: '#ffffff' }),
  );
  let bar = px + 64;
  while (bar < px + pw - 70) {
    const width = rng.pick([2, 2, 3, 4, 6]);
    phone.push(el('rect', { x: bar, y: py + 378, width, height: 74, fill: '#1b1e26' }));
    bar += width + rng.pick([2, 3, 4, 5]);
  }
  phone.push(
    el('rect', { x: px + 44, y: py + 500, width: pw - 120, height: 16, rx: 8, fill: '#ffffff', opacity: 0.75 }),
    el('rect', { x: px + 44, y: py + 530, width: pw - 170, height: 16, rx: 8, fill: '#ffffff', opacity: 0.5 }),
    el('rect', { x: px + 44, y: py + 590, width: pw - 88, height: 54, rx: 27, fill: '#22a06b' }),
  );
  // The hand: palm and wrist below, thumb on the left edge, fingertips on the right.
  const skin = '#9a6645';
  phone.push(
    el('path', {
      d: `M${px - 30} 930C${px - 40} 820 ${px - 20} 760 ${px + 40} 730L${px + 250} 720C${px + 330} 740 ${px + 360} 800 ${px + 350} 930Z`,
      fill: skin,
    }),
    el('path', {
      d: `M${px - 26} 760C${px - 40} 700 ${px - 20} 650 ${px + 10} 640C${px + 40} 632 ${px + 56} 660 ${px + 46} 700L${px + 30} 770Z`,
      fill: shade(skin, 0.08),
    }),
    el('ellipse', { cx: px + 28, cy: 652, rx: 14, ry: 10, fill: shade(skin, 0.25), opacity: 0.6 }),
  );
  for (const [i, y] of [560, 630, 700].entries())
    phone.push(
      el('rect', { x: px + pw - 26, y: y + i * 4, width: 58, height: 50, rx: 24, fill: shade(skin, -0.06 * i) }),
    );
  body.push(el('g', { transform: `rotate(${n(-6 + rng.range(-1.5, 1.5))} ${px + pw / 2} ${py + ph / 2})` }, ...phone));
}

// ---------------------------------------------------------------------------------------------------
// Teknologi: an Indonesian-speaking AI assistant for small businesses. A shop counter with a tablet
// chatting with customers, and a network of light rising from it.

function paintShopAssistant(rng: Rng, { defs, body }: Scene): void {
  defs.push(
    linear('wall', [
      [0, '#f1e2c4'],
      [1, '#dcc59c'],
    ]),
    linear('counter', [
      [0, '#b27c4b'],
      [1, '#98653a'],
    ]),
    linear('front', [
      [0, '#7f532f'],
      [1, '#5d3b20'],
    ]),
    linear('screen', [
      [0, '#fbfcfd'],
      [1, '#eef2f5'],
    ]),
    radial(
      'aura',
      [
        [0, '#6fe0d2', 0.35],
        [1, '#6fe0d2', 0],
      ],
      800,
      250,
      420,
      260,
    ),
    radial(
      'window',
      [
        [0, '#fff7e0', 0.6],
        [1, '#fff7e0', 0],
      ],
      800,
      150,
      900,
      500,
    ),
    blur('glow', 6),
    blur('shadow', 14),
  );
  body.push(
    el('rect', { width: W, height: H, fill: 'url(#wall)' }),
    el('rect', { width: W, height: H, fill: 'url(#window)' }),
  );

  // Shelves of goods on both sides.
  const goods = ['#d8553a', '#e9a23b', '#3e8e7e', '#5a7bb5', '#c6496e', '#7a9a3a', '#f0c75e', '#8c5a9e', '#e07b53'];
  for (const [left, right] of [
    [40, 520],
    [1080, 1560],
  ] as const) {
    for (const shelfY of [230, 390, 550]) {
      let x = left + rng.range(4, 16);
      while (x < right - 40) {
        const kind = rng.int(0, 3);
        const color = rng.pick(goods);
        const width = kind === 2 ? rng.range(24, 32) : rng.range(36, 62);
        const height =
          kind === 0
            ? rng.range(60, 110)
            : kind === 1
              ? rng.range(50, 80)
              : kind === 2
                ? rng.range(80, 120)
                : rng.range(54, 86);
        if (x + width > right) break;
        const top = shelfY - height;
        if (kind === 0)
          body.push(
            el('rect', { x, y: top, width, height, rx: 3, fill: color }),
            el('rect', {
              x: x + 5,
              y: top + height * 0.35,
              width: width - 10,
              height: height * 0.3,
              fill: '#fbf6ea',
              opacity: 0.85,
            }),
          );
        else if (kind === 1)
          body.push(
            el('rect', { x, y: top + 10, width, height: height - 10, rx: 10, fill: shade(color, 0.25), opacity: 0.9 }),
            el('rect', { x: x + 2, y: top, width: width - 4, height: 14, rx: 3, fill: shade(color, -0.25) }),
            el('rect', {
              x: x + 6,
              y: top + height * 0.5,
              width: width - 12,
              height: height * 0.25,
              fill: '#fbf6ea',
              opacity: 0.8,
            }),
          );
        else if (kind === 2)
          body.push(
            el('path', {
              d: `M${n(x)} ${n(shelfY)}V${n(top + 30)}Q${n(x)} ${n(top + 18)} ${n(x + width * 0.3)} ${n(top + 14)}V${n(top)}H${n(x + width * 0.7)}V${n(top + 14)}Q${n(x + width)} ${n(top + 18)} ${n(x + width)} ${n(top + 30)}V${n(shelfY)}Z`,
              fill: color,
            }),
            el('rect', {
              x: x + 3,
              y: top + height * 0.5,
              width: width - 6,
              height: height * 0.22,
              fill: '#fbf6ea',
              opacity: 0.8,
            }),
          );
        else
          body.push(
            el('path', {
              d: `M${n(x + 3)} ${n(top)}H${n(x + width - 3)}Q${n(x + width + 4)} ${n(top + height / 2)} ${n(x + width - 3)} ${n(shelfY)}H${n(x + 3)}Q${n(x - 4)} ${n(top + height / 2)} ${n(x + 3)} ${n(top)}Z`,
              fill: color,
            }),
            el('circle', {
              cx: x + width / 2,
              cy: top + height * 0.45,
              r: width * 0.22,
              fill: '#fbf6ea',
              opacity: 0.85,
            }),
          );
        x += width + rng.range(3, 12);
      }
      body.push(
        el('rect', { x: left - 10, y: shelfY, width: right - left + 20, height: 16, fill: '#8a5a34' }),
        el('rect', { x: left - 10, y: shelfY + 16, width: right - left + 20, height: 12, fill: '#000', opacity: 0.12 }),
      );
    }
  }

  // The counter.
  body.push(
    el('rect', { x: 0, y: 640, width: W, height: 270, fill: 'url(#front)' }),
    el('path', { d: `M0 600H${W}V650H0Z`, fill: 'url(#counter)' }),
    el('rect', { x: 0, y: 646, width: W, height: 8, fill: '#5a3a20' }),
  );
  for (let x = 120; x < W; x += 280)
    body.push(
      el('rect', {
        x,
        y: 690,
        width: 220,
        height: 170,
        rx: 6,
        fill: 'none',
        stroke: '#4a2f19',
        'stroke-width': 4,
        opacity: 0.6,
      }),
    );
  // A plant, paper bags and a jar of crackers on the counter.
  body.push(
    el('path', { d: 'M230 630L218 560H302L290 630Z', fill: '#c0643f' }),
    ...Array.from({ length: 9 }, (_, i) =>
      el('ellipse', {
        cx: 260 + rng.range(-40, 40),
        cy: 520 + rng.range(-40, 20),
        rx: 14,
        ry: 40,
        fill: rng.pick(['#3f7f4a', '#4f9457', '#2f6b3d']),
        transform: `rotate(${n(-60 + i * 15)} 260 560)`,
      }),
    ),
    el('path', { d: 'M1240 632L1250 500H1350L1360 632Z', fill: '#c8a57a' }),
    el('path', { d: 'M1250 500L1262 486H1338L1350 500Z', fill: '#b08c60' }),
    el('circle', { cx: 1300, cy: 566, r: 24, fill: '#f6efe0' }),
    el('path', { d: 'M1370 632L1378 540H1450L1458 632Z', fill: '#ba946a' }),
    el('rect', {
      x: 420,
      y: 520,
      width: 110,
      height: 110,
      rx: 18,
      fill: '#ffffff',
      opacity: 0.35,
      stroke: '#ffffff',
      'stroke-width': 3,
    }),
    el('rect', { x: 414, y: 508, width: 122, height: 18, rx: 6, fill: '#d8553a' }),
  );
  for (let i = 0; i < 10; i++)
    body.push(
      el('circle', {
        cx: 440 + rng.range(0, 70),
        cy: 560 + rng.range(0, 56),
        r: 14,
        fill: '#e8c27a',
        stroke: '#c9a05a',
        'stroke-width': 2,
      }),
    );

  const ty0 = 360;
  // The network of light above the tablet: layers of nodes fanning out, each linked to its neighbours above.
  const layers: Point[][] = [];
  for (const [i, count] of [3, 5, 7, 6].entries()) {
    const radius = 120 + i * 80;
    const spread = 30 + i * 9;
    const layer: Point[] = [];
    for (let j = 0; j < count; j++) {
      const a = ((-90 + spread * ((j / (count - 1)) * 2 - 1) + rng.range(-4, 4)) * Math.PI) / 180;
      layer.push([800 + Math.cos(a) * radius * 1.2, 380 + Math.sin(a) * radius * 0.78]);
    }
    layers.push(layer);
  }
  const links: string[] = [];
  for (const [i, layer] of layers.entries()) {
    const above = layers[i + 1] ?? [];
    for (const a of layer)
      for (const b of above)
        if (Math.abs(a[0] - b[0]) < 190 || rng.chance(0.08)) links.push(`M${n(a[0])} ${n(a[1])}L${n(b[0])} ${n(b[1])}`);
  }
  for (const a of layers[0] ?? []) links.push(`M${n(a[0])} ${n(a[1])}L800 ${n(ty0)}`);
  body.push(
    el('rect', { width: W, height: H, fill: 'url(#aura)' }),
    el('path', { d: links.join(''), stroke: '#2fa597', 'stroke-opacity': 0.45, 'stroke-width': 2 }),
  );
  for (const [i, layer] of layers.entries())
    for (const [x, y] of layer) {
      const lit = rng.chance(0.3);
      body.push(
        el('circle', {
          cx: x,
          cy: y,
          r: lit ? 20 : 14,
          fill: '#7fe3d6',
          opacity: lit ? 0.35 : 0.18,
          filter: 'url(#glow)',
        }),
        el('circle', {
          cx: x,
          cy: y,
          r: 9 - i,
          fill: lit ? '#ffffff' : '#bff1ea',
          stroke: '#2a9d8f',
          'stroke-width': 2.5,
        }),
      );
    }

  // The tablet on its stand, in a chat.
  const [tx, ty, tw, th] = [590, ty0, 420, 270];
  body.push(
    el('rect', {
      x: tx + 20,
      y: ty + 30,
      width: tw,
      height: th,
      rx: 26,
      fill: '#000',
      opacity: 0.3,
      filter: 'url(#shadow)',
    }),
    el('path', {
      d: `M${tx + tw / 2 - 50} ${ty + th}L${tx + tw / 2 - 80} 626H${tx + tw / 2 + 80}L${tx + tw / 2 + 50} ${ty + th}Z`,
      fill: '#3a3d46',
    }),
    el('rect', { x: tx, y: ty, width: tw, height: th, rx: 26, fill: '#1c1e24' }),
    el('rect', { x: tx + 14, y: ty + 14, width: tw - 28, height: th - 28, rx: 16, fill: 'url(#screen)' }),
    el('rect', { x: tx + 14, y: ty + 14, width: tw - 28, height: 34, fill: '#2a9d8f' }),
    el('circle', { cx: tx + 38, cy: ty + 31, r: 10, fill: '#ffffff' }),
    el('rect', { x: tx + 56, y: ty + 25, width: 90, height: 11, rx: 5.5, fill: '#ffffff', opacity: 0.8 }),
  );
  const bubbles = [
    { right: false, width: 200, lines: 2 },
    { right: true, width: 230, lines: 2 },
    { right: false, width: 160, lines: 1 },
  ];
  let by = ty + 62;
  for (const bubble of bubbles) {
    const height = 18 + bubble.lines * 18;
    const bx = bubble.right ? tx + tw - 30 - bubble.width : tx + 30;
    body.push(
      el('rect', { x: bx, y: by, width: bubble.width, height, rx: 14, fill: bubble.right ? '#2a9d8f' : '#e3e8ee' }),
    );
    for (let k = 0; k < bubble.lines; k++)
      body.push(
        el('rect', {
          x: bx + 14,
          y: by + 12 + k * 18,
          width: (bubble.width - 28) * (k === bubble.lines - 1 ? rng.range(0.5, 0.85) : 1),
          height: 8,
          rx: 4,
          fill: bubble.right ? '#ffffff' : '#9aa6b4',
          opacity: 0.85,
        }),
      );
    by += height + 12;
  }
}

// ---------------------------------------------------------------------------------------------------

async function render(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).jpeg({ quality: 82, mozjpeg: true, progressive: true }).toBuffer();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const svgAt = args.indexOf('--svg');
  const svgDir = svgAt >= 0 ? args[svgAt + 1] : undefined;
  const names = args.filter((arg, i) => !arg.startsWith('--') && (svgAt < 0 || i !== svgAt + 1));
  if (svgDir !== undefined) fs.mkdirSync(svgDir, { recursive: true });
  let stale = 0;
  for (const { file, paint } of ARTICLES) {
    if (names.length > 0 && !names.some((name) => file.includes(name))) continue;
    const article = path.join(CONTENT, file);
    if (!fs.existsSync(article)) throw new Error(`no article ${file} in content/`);
    const base = path.basename(file, '.md');
    const seed = hashText(base);
    const scene: Scene = { defs: [], body: [] };
    paint(makeRng(seed), scene);
    const svg = finish(scene, seed);
    if (svgDir !== undefined) fs.writeFileSync(path.join(svgDir, `${base}.svg`), svg);
    const jpeg = await render(svg);
    const target = article.replace(/\.md$/, '.jpg');
    const shown = path.relative(process.cwd(), target);
    const same = fs.existsSync(target) && fs.readFileSync(target).equals(jpeg);
    const size = `${(jpeg.length / 1024).toFixed(0)} KB`;
    if (check) {
      if (!same) stale++;
      console.log(`${same ? 'up to date' : 'DIFFERS   '} ${shown} (${size})`);
    } else if (same) console.log(`unchanged ${shown} (${size})`);
    else {
      fs.writeFileSync(target, jpeg);
      console.log(`wrote     ${shown} (${size})`);
    }
  }
  if (stale > 0) {
    console.error(`${stale} picture(s) differ from what this script draws; run it without --check.`);
    process.exitCode = 1;
  }
}

await main();
