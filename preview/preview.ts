/** The preview LMS page: pick a package and SCO, launch it under scorm-again, watch its CMI data. */
import type { PackageCatalogue } from '../packaging/build-packages';
import { createLmsHost, nextLaunchData, type LmsFaults, type LmsHost } from './lms-host';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const packageSelect = $<HTMLSelectElement>('package');
const scoSelect = $<HTMLSelectElement>('sco');
const languageSelect = $<HTMLSelectElement>('language');
const frame = $<HTMLIFrameElement>('course');
const cmiView = $<HTMLPreElement>('cmi');
const callList = $<HTMLOListElement>('calls');
const status = $<HTMLParagraphElement>('status');

const WEB_BUILD = 'web';
const TRAINER_PREVIEW = 'trainer';
let catalogue: PackageCatalogue;
let host: LmsHost | undefined;
let storageKey = '';

const checked = (id: string) => $<HTMLInputElement>(id).checked;

function chosenFaults(): LmsFaults {
  const endsAfter = $<HTMLInputElement>('fault-ends-after').value;
  return {
    initializeFails: checked('fault-initialize'),
    refuseSet: checked('fault-refuse') ? /^cmi\.suspend_data$/ : undefined,
    commitFails: checked('fault-commit-false'),
    commitThrows: checked('fault-commit-throws'),
    sessionEndsAfterCalls: endsAfter === '' ? undefined : Number(endsAfter),
  };
}

function savedFor(key: string): Record<string, unknown> | undefined {
  const text = localStorage.getItem(key);
  return text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
}

function showCmi(): void {
  if (host) cmiView.textContent = JSON.stringify(host.cmi(), null, 2);
}

function fillScos(): void {
  const pkg = catalogue.packages.find((p) => p.name === packageSelect.value);
  scoSelect.replaceChildren(
    ...(pkg ? pkg.scos : [{ id: 'course', title: 'Whole course' }]).map((sco) => new Option(sco.title, sco.id)),
  );
}

/** Like an LMS: the SCO's data survives it, keyed by package and SCO. */
function persist(): void {
  if (host && storageKey) localStorage.setItem(storageKey, JSON.stringify(nextLaunchData(host)));
}

function exitSco(): void {
  frame.src = 'about:blank';
  persist();
  host?.uninstall(window);
  host = undefined;
}

function launchSelected(): void {
  exitSco();
  callList.replaceChildren();
  if (packageSelect.value === WEB_BUILD || packageSelect.value === TRAINER_PREVIEW) {
    const trainer = packageSelect.value === TRAINER_PREVIEW;
    storageKey = '';
    cmiView.textContent = trainer
      ? 'Trainer preview: answers and scenario scripts shown; nothing is saved or sent.'
      : 'No LMS: the plain web build keeps progress in this browser\'s storage.';
    frame.src = trainer ? './web/index.html?trainer=1' : './web/index.html';
    status.textContent = trainer ? 'Opened the trainer preview.' : 'Launched the plain web build with no LMS.';
    return;
  }
  const pkg = catalogue.packages.find((p) => p.name === packageSelect.value)!;
  const sco = pkg.scos.find((s) => s.id === scoSelect.value)!;
  storageKey = `preview-lms:${pkg.name}:${sco.id}`;
  host = createLmsHost({
    version: pkg.version,
    saved: savedFor(storageKey),
    masteryScore: sco.masteryScore === undefined ? undefined : pkg.version === '1.2' ? sco.masteryScore : sco.masteryScore / 100,
    learnerLanguage: languageSelect.value || undefined,
    faults: chosenFaults(),
  });
  host.onCall((call) => {
    const item = document.createElement('li');
    item.textContent = `${call.method}(${call.args.map((a) => JSON.stringify(a)).join(', ')}) → ${call.result}${call.error !== '0' ? ` [error ${call.error}]` : ''}`;
    if (call.result === 'false') item.className = 'failed';
    callList.prepend(item);
    if (/Commit|Finish|Terminate/.test(call.method)) persist();
    showCmi();
  });
  if (checked('fault-no-api')) host.uninstall(window);
  else host.install(window);
  frame.src = `./${pkg.folder}/${sco.href}`;
  status.textContent = `Launched ${sco.title} (SCORM ${pkg.version})${checked('fault-no-api') ? ' with no LMS API' : ''}.`;
  showCmi();
}

async function start(): Promise<void> {
  catalogue = (await (await fetch('./packages.json')).json()) as PackageCatalogue;
  packageSelect.replaceChildren(
    ...catalogue.packages.map((p) => new Option(`${p.name}`, p.name)),
    new Option('Plain web build (no LMS)', WEB_BUILD),
    new Option('Trainer preview (answers shown, nothing saved)', TRAINER_PREVIEW),
  );
  fillScos();
  packageSelect.addEventListener('change', fillScos);
  $('launcher').addEventListener('submit', (event) => {
    event.preventDefault();
    launchSelected();
  });
  $('apply-faults').addEventListener('click', () => {
    host?.setFaults(chosenFaults());
    status.textContent = host ? 'Faults applied to the running SCO.' : 'Launch a SCO first.';
  });
  $('exit').addEventListener('click', () => {
    exitSco();
    status.textContent = 'SCO closed; its data is saved for the next launch.';
  });
  $('reset').addEventListener('click', () => {
    exitSco();
    Object.keys(localStorage).filter((k) => k.startsWith('preview-lms:') || k.startsWith('micic:')).forEach((k) => localStorage.removeItem(k));
    cmiView.textContent = 'All saved data cleared.';
    status.textContent = 'Saved LMS data and browser progress cleared.';
  });
  $('download').addEventListener('click', () => {
    if (!host) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([JSON.stringify(host.cmi(), null, 2)], { type: 'application/json' }));
    link.download = `${storageKey.replace(/[^a-z0-9.-]+/gi, '_')}.json`;
    link.click();
    URL.revokeObjectURL(link.href);
  });
}

void start();
