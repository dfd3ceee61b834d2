/**
 * Prints, per scenario and overall, how often the best choice of a scene is also its longest
 * text, in each language: a learner who always picks the longest choice should not find the best
 * path. Run: npx tsx scripts/scenario-figures.ts
 */
import { join } from 'node:path';
import { loadCourse } from '../src/content/loader.ts';
import { bestIsLongestRate } from '../src/content/scenario-figures.ts';

const { index, contents } = loadCourse(join(import.meta.dirname, '..'));
for (const language of index.languages) {
  let scenes = 0;
  let longest = 0;
  console.log(`\n${language}: scenes where the best choice is the longest text`);
  for (const module of index.modules) {
    const texts = contents.get(`${module.id}.${language}`)!.scenarios;
    for (const key of module.scenarios) {
      const rate = bestIsLongestRate(key, texts[key.id]!);
      scenes += rate.scenes;
      longest += rate.longest;
      console.log(`  ${module.id}/${key.id}: ${rate.longest} of ${rate.scenes}`);
    }
  }
  console.log(`  overall: ${longest} of ${scenes} (${Math.round((longest / scenes) * 100)} %)`);
}
