import { loadCourse } from '../../src/content/loader.ts';
const root = process.argv[2]!;
let t = performance.now();
loadCourse(root);
console.log('load', Math.round(performance.now() - t));
t = performance.now();
loadCourse(root);
console.log('load again', Math.round(performance.now() - t));
