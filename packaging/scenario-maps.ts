/**
 * Scenario maps: each scenario's graph drawn as an SVG for authors and trainers, one per
 * language. Scenes and endings are boxes laid out left to right by depth; each choice is an
 * arrow labelled with its text; the best path is drawn thick and marked "★" (never colour alone).
 */
import type { Language, ScenarioKey, ScenarioText } from '../src/content/schema.ts';
import { bestPath } from '../src/machines/scenario-machine.ts';
import { escapeXml } from './manifest.ts';

const NODE_W = 240;
const NODE_H = 96;
const GAP_X = 250;
const GAP_Y = 36;
const MARGIN = 24;

const WORDS: Record<Language, { decision: string; good: string; mixed: string; poor: string; best: string; map: string }> = {
  en: { decision: 'Decision', good: 'Good outcome', mixed: 'Mixed outcome', poor: 'Poor outcome', best: 'best path', map: 'Scenario map' },
  es: { decision: 'Decisión', good: 'Buen resultado', mixed: 'Resultado intermedio', poor: 'Resultado deficiente', best: 'mejor camino', map: 'Mapa del escenario' },
};

function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if ((line + ' ' + word).trim().length > width) {
      lines.push(line.trim());
      line = word;
    } else {
      line = `${line} ${word}`;
    }
  }
  if (line.trim()) lines.push(line.trim());
  if (lines.length > maxLines) {
    lines.length = maxLines;
    lines[maxLines - 1] = `${lines[maxLines - 1]!.replace(/\s+\S*$/, '')}…`;
  }
  return lines;
}

/** @param idPrefix keeps ids unique when several maps sit in one HTML page. */
export function scenarioMap(key: ScenarioKey, text: ScenarioText, language: Language, idPrefix = 'map'): string {
  const words = WORDS[language];
  // Depth = longest distance from the start, so every arrow points right.
  const depth = new Map<string, number>([[key.start, 0]]);
  const order = [key.start];
  for (let i = 0; i < order.length; i++) {
    const scene = key.scenes.find((s) => s.id === order[i]);
    for (const choice of scene?.choices ?? []) {
      const next = Math.max(depth.get(choice.next) ?? 0, depth.get(order[i]!)! + 1);
      depth.set(choice.next, next);
      order.push(choice.next);
      if (order.length > 500) break;
    }
  }
  const columns = new Map<number, string[]>();
  for (const id of [...key.scenes.map((s) => s.id), ...key.endings.map((e) => e.id)]) {
    const d = depth.get(id) ?? 0;
    columns.set(d, [...(columns.get(d) ?? []), id]);
  }
  const position = new Map<string, { x: number; y: number }>();
  for (const [d, ids] of columns) ids.forEach((id, i) => position.set(id, { x: MARGIN + d * (NODE_W + GAP_X), y: MARGIN + 40 + i * (NODE_H + GAP_Y) }));
  const width = MARGIN * 2 + Math.max(...columns.keys()) * (NODE_W + GAP_X) + NODE_W;
  const height = MARGIN * 2 + 40 + Math.max(...[...columns.values()].map((c) => c.length)) * (NODE_H + GAP_Y);
  const best = new Set(bestPath(key).map((s) => `${s.scene}/${s.choice}`));

  const edges = key.scenes.flatMap((scene) =>
    scene.choices.map((choice, i) => {
      const from = position.get(scene.id)!;
      const to = position.get(choice.next)!;
      const x1 = from.x + NODE_W;
      const y1 = from.y + 16 + i * 30;
      const x2 = to.x;
      const y2 = to.y + NODE_H / 2;
      const isBest = best.has(`${scene.id}/${choice.id}`);
      const label = wrap(`${isBest ? '★ ' : ''}${text.scenes[scene.id]?.choices[choice.id]?.text ?? choice.id}`, 40, 2);
      return `<g class="${isBest ? 'best' : 'choice'}">
    <path d="M${x1},${y1} C${x1 + GAP_X / 2},${y1} ${x2 - GAP_X / 2},${y2} ${x2 - 2},${y2}" marker-end="url(#${idPrefix}-arrow)"/>
    ${label.map((line, k) => `<text x="${x1 + 6}" y="${y1 - 15 + k * 12}" font-size="10.5">${escapeXml(line)}</text>`).join('')}
  </g>`;
    }),
  );
  let decision = 0;
  const nodes = [
    ...key.scenes.map((scene) => {
      const { x, y } = position.get(scene.id)!;
      decision++;
      const lines = wrap(text.scenes[scene.id]?.situation ?? scene.id, 36, 4);
      return `<g class="scene"><rect x="${x}" y="${y}" width="${NODE_W}" height="${NODE_H}" rx="4"/>
    <text x="${x + 8}" y="${y + 18}" class="heading">${escapeXml(`${words.decision} ${decision}`)}</text>
    ${lines.map((line, i) => `<text x="${x + 8}" y="${y + 36 + i * 15}">${escapeXml(line)}</text>`).join('\n    ')}</g>`;
    }),
    ...key.endings.map((ending) => {
      const { x, y } = position.get(ending.id)!;
      const lines = wrap(text.endings[ending.id]?.title ?? ending.id, 36, 2);
      return `<g class="ending ${ending.kind}"><rect x="${x}" y="${y}" width="${NODE_W}" height="${NODE_H}" rx="18"/>
    <text x="${x + 12}" y="${y + 22}" class="heading">${escapeXml(words[ending.kind])}</text>
    ${lines.map((line, i) => `<text x="${x + 12}" y="${y + 42 + i * 15}">${escapeXml(line)}</text>`).join('\n    ')}</g>`;
    }),
  ];
  const title = `${words.map}: ${text.title}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" id="${idPrefix}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${idPrefix}-title ${idPrefix}-desc" font-family="system-ui, sans-serif" font-size="12">
  <title id="${idPrefix}-title">${escapeXml(title)}</title>
  <desc id="${idPrefix}-desc">${escapeXml(`${text.role} ★ = ${words.best}.`)}</desc>
  <defs><marker id="${idPrefix}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#1b1f24"/></marker></defs>
  <style>
    #${idPrefix} rect { fill: #ffffff; stroke: #1b1f24; stroke-width: 1.5; }
    #${idPrefix} .ending rect { fill: #f3f5f7; }
    #${idPrefix} .ending.good rect { stroke-width: 3; }
    #${idPrefix} .heading { font-weight: 700; }
    #${idPrefix} path { fill: none; stroke: #4a5560; stroke-width: 1.2; }
    #${idPrefix} .best path { stroke: #0b5cad; stroke-width: 4; }
    #${idPrefix} .best text { font-weight: 700; }
    #${idPrefix} marker path { fill: #1b1f24; stroke: none; }
  </style>
  <text x="${MARGIN}" y="${MARGIN + 14}" font-size="16" font-weight="700">${escapeXml(title)} (★ = ${escapeXml(words.best)})</text>
  ${edges.join('\n  ')}
  ${nodes.join('\n  ')}
</svg>
`;
}
