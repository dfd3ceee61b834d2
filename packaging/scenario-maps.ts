/**
 * Scenario maps: each scenario's graph drawn as SVG for authors and trainers, one per language.
 *
 * Laid out to be read on paper: the map is exactly as wide as the printable width of A4 with
 * 16 mm margins (672 CSS px), so it prints at scale 1 and every label is at least 12 px (9 pt).
 * Decisions run top to bottom in layers (two boxes per row), each box listing its choices with
 * where each one leads ("→ Decision 3"), so the map reads without following a single arrow; the
 * arrows add the shape. Outcomes close the map. The best choices are marked "★" and drawn thick
 * (never colour alone). For print the rows are cut into pages no taller than an A4 page; on screen
 * (trainer preview) the whole map is one SVG.
 */
import type { Language, ScenarioKey, ScenarioText } from '../src/content/schema.ts';
import { bestPath } from '../src/machines/scenario-machine.ts';
import { escapeXml } from './manifest.ts';

/** Printable width of A4 with 16 mm margins, in CSS px: the map prints at scale 1. */
export const MAP_WIDTH = 672;
/** The smallest type on a map, in CSS px at scale 1 (12 px = 9 pt). */
export const MAP_MIN_FONT_PX = 12;
/** One printed page's worth of map (A4 minus margins and a caption), in CSS px. */
const PAGE_HEIGHT = 900;

const MARGIN = 4;
const GAP = 16;
const ROW_GAP = 28;
const LINE = 15;
const PAD = 10;
/** Average advance of a 12 px character in a wide sans-serif (DejaVu Sans), with a margin: wrapping never overflows. */
const CHAR_PX = 7.1;
const SCENE_COLUMNS = 2;
const ENDING_COLUMNS = 3;

const WORDS: Record<Language, { decision: string; good: string; mixed: string; poor: string; best: string; map: string; legend: string; continued: string }> = {
  en: { decision: 'Decision', good: 'Good outcome', mixed: 'Mixed outcome', poor: 'Poor outcome', best: 'best choice', map: 'Scenario map', legend: '★ best choice; thick arrows and frames: the best path.', continued: 'continued' },
  es: { decision: 'Decisión', good: 'Buen resultado', mixed: 'Resultado intermedio', poor: 'Resultado deficiente', best: 'mejor opción', map: 'Mapa del escenario', legend: '★ mejor opción; flechas y marcos gruesos: el mejor camino.', continued: 'continuación' },
};

/** Splits text into lines of at most `width` characters; past `maxLines` the last line ends in "…". */
export function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length > width && line) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  for (let i = 0; i < lines.length; i++) if (lines[i]!.length > width) lines[i] = `${lines[i]!.slice(0, width - 1)}…`;
  if (lines.length > maxLines) {
    lines.length = maxLines;
    const last = lines[maxLines - 1]!;
    lines[maxLines - 1] = `${last.length > width - 2 ? last.slice(0, width - 2).replace(/\s+\S*$/, '') : last}…`;
  }
  return lines;
}

interface Line {
  text: string;
  dx: number;
  className?: string;
}

interface Box {
  id: string;
  kind: 'scene' | 'good' | 'mixed' | 'poor';
  lines: Line[];
  width: number;
  height: number;
  x: number;
  y: number;
  best: boolean;
}

interface Edge {
  from: string;
  to: string;
  best: boolean;
}

interface Layout {
  title: string;
  description: string;
  rows: Box[][];
  edges: Edge[];
  boxes: Map<string, Box>;
}

function layout(key: ScenarioKey, text: ScenarioText, language: Language): Layout {
  const words = WORDS[language];
  // Depth = longest distance from the start, so every arrow points down.
  const depth = new Map<string, number>([[key.start, 0]]);
  const queue = [key.start];
  for (let i = 0; i < queue.length && i < 500; i++) {
    const scene = key.scenes.find((s) => s.id === queue[i]);
    for (const choice of scene?.choices ?? []) {
      const next = depth.get(queue[i]!)! + 1;
      if ((depth.get(choice.next) ?? -1) < next) {
        depth.set(choice.next, next);
        queue.push(choice.next);
      }
    }
  }
  const best = new Set(bestPath(key).map((s) => `${s.scene}/${s.choice}`));
  const decisionNumber = new Map(key.scenes.map((s, i) => [s.id, i + 1]));
  const nameOf = (id: string): string => {
    if (decisionNumber.has(id)) return `${words.decision} ${decisionNumber.get(id)}`;
    const ending = key.endings.find((e) => e.id === id);
    return ending ? words[ending.kind] : id;
  };

  const sceneWidth = (MAP_WIDTH - 2 * MARGIN - (SCENE_COLUMNS - 1) * GAP) / SCENE_COLUMNS;
  const endingWidth = (MAP_WIDTH - 2 * MARGIN - (ENDING_COLUMNS - 1) * GAP) / ENDING_COLUMNS;
  const charsIn = (width: number, indent: number) => Math.floor((width - 2 * PAD - indent) / CHAR_PX);

  const boxes = new Map<string, Box>();
  for (const scene of key.scenes) {
    const sceneText = text.scenes[scene.id];
    const lines: Line[] = [{ text: nameOf(scene.id), dx: 0, className: 'heading' }];
    for (const l of wrap(sceneText?.situation ?? scene.id, charsIn(sceneWidth, 0), 3)) lines.push({ text: l, dx: 0, className: 'situation' });
    scene.choices.forEach((choice, i) => {
      const isBest = best.has(`${scene.id}/${choice.id}`);
      const letter = `${String.fromCharCode(65 + i)}${isBest ? '★' : ''}`;
      const wrapped = wrap(sceneText?.choices[choice.id]?.text ?? choice.id, charsIn(sceneWidth, 26), 2);
      wrapped.forEach((l, k) => lines.push({ text: k === 0 ? `${letter}\u2002${l}` : l, dx: k === 0 ? 0 : 26, className: isBest ? 'choice best' : 'choice' }));
      lines.push({ text: `→ ${nameOf(choice.next)}`, dx: 26, className: isBest ? 'target best' : 'target' });
    });
    boxes.set(scene.id, { id: scene.id, kind: 'scene', lines, width: sceneWidth, height: 0, x: 0, y: 0, best: false });
  }
  const bestEnding = (() => {
    const path = bestPath(key);
    const last = path[path.length - 1];
    return last ? key.scenes.find((s) => s.id === last.scene)?.choices.find((c) => c.id === last.choice)?.next : undefined;
  })();
  for (const ending of key.endings) {
    const heading = `${ending.id === bestEnding ? '★ ' : ''}${words[ending.kind]}`;
    const lines: Line[] = [{ text: heading, dx: 0, className: 'heading' }];
    for (const l of wrap(text.endings[ending.id]?.title ?? ending.id, charsIn(endingWidth, 0), 3)) lines.push({ text: l, dx: 0 });
    boxes.set(ending.id, { id: ending.id, kind: ending.kind, lines, width: endingWidth, height: 0, x: 0, y: 0, best: ending.id === bestEnding });
  }
  for (const box of boxes.values()) box.height = 2 * PAD + box.lines.length * LINE + 2 + box.lines.filter((l) => l.className?.startsWith('choice') && !l.dx).length * 3;

  // Rows: scenes by depth, two to a row; then the outcomes, three to a row.
  const layers = new Map<number, Box[]>();
  for (const scene of key.scenes) {
    const d = depth.get(scene.id) ?? 0;
    layers.set(d, [...(layers.get(d) ?? []), boxes.get(scene.id)!]);
  }
  const rows: Box[][] = [];
  for (const d of [...layers.keys()].sort((a, b) => a - b)) {
    const layer = layers.get(d)!;
    for (let i = 0; i < layer.length; i += SCENE_COLUMNS) rows.push(layer.slice(i, i + SCENE_COLUMNS));
  }
  const endings = key.endings.map((e) => boxes.get(e.id)!);
  for (let i = 0; i < endings.length; i += ENDING_COLUMNS) rows.push(endings.slice(i, i + ENDING_COLUMNS));

  const edges: Edge[] = [];
  for (const scene of key.scenes) {
    const seen = new Set<string>();
    for (const choice of scene.choices) {
      const isBest = best.has(`${scene.id}/${choice.id}`);
      if (seen.has(choice.next) && !isBest) continue;
      seen.add(choice.next);
      edges.push({ from: scene.id, to: choice.next, best: isBest });
    }
  }
  return {
    title: `${words.map}: ${text.title}`,
    description: `${text.role} ★ = ${words.best}.`,
    rows,
    edges,
    boxes,
  };
}

/** Places rows top to bottom from `top`; returns the y after the last row. */
function place(rows: Box[][], top: number): number {
  let y = top;
  for (const row of rows) {
    const height = Math.max(...row.map((b) => b.height));
    const used = row.reduce((sum, b) => sum + b.width, 0) + (row.length - 1) * GAP;
    let x = (MAP_WIDTH - used) / 2;
    for (const box of row) {
      box.x = x;
      box.y = y;
      box.height = height;
      x += box.width + GAP;
    }
    y += height + ROW_GAP;
  }
  return y - ROW_GAP;
}

function drawBox(box: Box): string {
  const radius = box.kind === 'scene' ? 4 : 14;
  let y = box.y + PAD + 12;
  const text = box.lines
    .map((line) => {
      if (line.className?.startsWith('choice') && !line.dx) y += 3;
      const out = `<text x="${(box.x + PAD + line.dx).toFixed(1)}" y="${y}"${line.className ? ` class="${line.className}"` : ''}>${escapeXml(line.text)}</text>`;
      y += LINE;
      return out;
    })
    .join('');
  return `<g class="box ${box.kind}${box.best ? ' best' : ''}" data-id="${escapeXml(box.id)}"><rect x="${box.x.toFixed(1)}" y="${box.y}" width="${box.width.toFixed(1)}" height="${box.height}" rx="${radius}"/>${text}</g>`;
}

function drawEdge(edge: Edge, boxes: Map<string, Box>, idPrefix: string): string {
  const from = boxes.get(edge.from)!;
  const to = boxes.get(edge.to)!;
  const x1 = from.x + from.width / 2;
  const y1 = from.y + from.height;
  const x2 = to.x + to.width / 2;
  const y2 = to.y - 2;
  const bend = Math.max(14, (y2 - y1) / 2);
  return `<path class="${edge.best ? 'edge best' : 'edge'}" d="M${x1.toFixed(1)},${y1} C${x1.toFixed(1)},${y1 + bend} ${x2.toFixed(1)},${y2 - bend} ${x2.toFixed(1)},${y2}" marker-end="url(#${idPrefix}-arrow)"/>`;
}

function svg(idPrefix: string, title: string, description: string, heading: string, body: string, height: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" id="${idPrefix}" class="scenario-map" width="${MAP_WIDTH}" height="${height}" viewBox="0 0 ${MAP_WIDTH} ${height}" role="img" aria-labelledby="${idPrefix}-title ${idPrefix}-desc" font-family="'DejaVu Sans', Verdana, system-ui, sans-serif" font-size="${MAP_MIN_FONT_PX}">
  <title id="${idPrefix}-title">${escapeXml(title)}</title>
  <desc id="${idPrefix}-desc">${escapeXml(description)}</desc>
  <defs><marker id="${idPrefix}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>
  <style>
    #${idPrefix} rect { fill: #ffffff; stroke: #1b1f24; stroke-width: 1.2; }
    #${idPrefix} .box.good rect, #${idPrefix} .box.mixed rect, #${idPrefix} .box.poor rect { fill: #f3f5f7; }
    #${idPrefix} .box.best rect { stroke: #0b5cad; stroke-width: 3; }
    #${idPrefix} text { fill: #1b1f24; }
    #${idPrefix} .heading, #${idPrefix} .title { font-weight: 700; }
    #${idPrefix} .title { font-size: 15px; }
    #${idPrefix} .legend { fill: #3d4650; }
    #${idPrefix} .choice.best, #${idPrefix} .target.best { font-weight: 700; fill: #0b4a8c; }
    #${idPrefix} .target { fill: #3d4650; }
    #${idPrefix} .edge { fill: none; stroke: #6b7580; stroke-width: 1.2; }
    #${idPrefix} .edge.best { stroke: #0b5cad; stroke-width: 3.5; }
    #${idPrefix} marker path { fill: #1b1f24; }
  </style>
  ${heading}
  ${body}
</svg>
`;
}

/** Title lines (15 px bold) are cut at this many characters; the legend line is 12 px. */
const TITLE_CHARS = 62;

/** The map's title (wrapped to two lines) and, on the first part, the legend; returns the markup and its height. */
function titleBlock(title: string, legend: string | undefined): { markup: string; height: number } {
  const lines = wrap(title, TITLE_CHARS, 2);
  let y = 0;
  const markup = lines.map((line) => `<text x="${MARGIN}" y="${(y += 19)}" class="title">${escapeXml(line)}</text>`);
  if (legend) markup.push(`<text x="${MARGIN}" y="${(y += 17)}" class="legend">${escapeXml(legend)}</text>`);
  return { markup: markup.join(''), height: y + 14 };
}

function drawRows(layoutResult: Layout, rows: Box[][], idPrefix: string, title: string, legend?: string): string {
  const heading = titleBlock(title, legend);
  const bottom = place(rows, heading.height);
  const shown = new Set(rows.flat().map((b) => b.id));
  const edges = layoutResult.edges.filter((e) => shown.has(e.from) && shown.has(e.to)).map((e) => drawEdge(e, layoutResult.boxes, idPrefix));
  // Arrows first, boxes over them: an arrow that passes behind a box never crosses its text.
  const body = [...edges, ...rows.flat().map(drawBox)].join('\n  ');
  return svg(idPrefix, layoutResult.title, layoutResult.description, heading.markup, body, bottom + MARGIN + 2);
}

/** The whole map as one SVG (the trainer preview and dist/scenario-maps). */
export function scenarioMap(key: ScenarioKey, text: ScenarioText, language: Language, idPrefix = 'map'): string {
  const result = layout(key, text, language);
  return drawRows(result, result.rows, idPrefix, result.title, WORDS[language].legend);
}

/**
 * The map cut into printed pages: rows are never split, each part is at most one page tall, and
 * each part after the first is titled "(continued)". Every choice names where it leads, so an
 * arrow that would cross a page break is not needed.
 */
export function scenarioMapPages(key: ScenarioKey, text: ScenarioText, language: Language, idPrefix = 'map'): string[] {
  const result = layout(key, text, language);
  const words = WORDS[language];
  const parts: Box[][][] = [[]];
  let used = titleBlock(result.title, words.legend).height;
  for (const row of result.rows) {
    const height = Math.max(...row.map((b) => b.height)) + ROW_GAP;
    if (used + height > PAGE_HEIGHT && parts[parts.length - 1]!.length) {
      parts.push([]);
      used = titleBlock(`${result.title} (${words.continued})`, undefined).height;
    }
    parts[parts.length - 1]!.push(row);
    used += height;
  }
  return parts.map((rows, i) =>
    i === 0 ? drawRows(result, rows, idPrefix, result.title, words.legend) : drawRows(result, rows, `${idPrefix}-${i + 1}`, `${result.title} (${words.continued})`),
  );
}
