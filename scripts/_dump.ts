import { loadCourse } from '../src/content/loader.ts';
const { index, contents } = loadCourse('.');
const lang = (process.argv[2] ?? 'en') as 'en' | 'es';
const only = process.argv[3];
for (const m of index.modules) for (const key of m.scenarios) {
  if (only && key.id !== only) continue;
  const t = contents.get(`${m.id}.${lang}`)!.scenarios[key.id]!;
  console.log(`\n#### ${key.id}: ${t.title}\nROLE ${t.role}\nSETTING ${t.setting}`);
  for (const s of key.scenes) {
    console.log(`\n[${s.id}] ${t.scenes[s.id]!.situation}`);
    for (const c of s.choices) console.log(`  ${c.best ? '*' : ' '}${c.score} ${c.id} G${c.guidelines.join(',')} ${JSON.stringify(c.effects)} -> ${c.next}\n     T: ${t.scenes[s.id]!.choices[c.id]!.text}\n     C: ${t.scenes[s.id]!.choices[c.id]!.consequence}`);
  }
  for (const e of key.endings) console.log(`\nEND ${e.id} (${e.kind}) ${t.endings[e.id]!.title}: ${t.endings[e.id]!.debrief}`);
}
