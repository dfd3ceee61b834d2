/**
 * imsmanifest.xml for SCORM 1.2 and SCORM 2004 4th edition. The one place that knows
 * SCORM packaging's XML: every package the build makes gets its manifest from here.
 */
import type { CourseIndex, ModuleSummary } from '../src/content/schema.ts';

export type PackageVersion = '1.2' | '2004';

export interface Sco {
  /** Module id, or 'course' for the single-SCO full course. */
  id: string;
  title: string;
  href: string;
  /**
   * Percent 0-100: the score needed to pass, declared to the LMS. Absent for the single-SCO
   * course, which decides its own status (passed only when every module is): with a mastery
   * score, Moodle's default "Mastery score overrides status" would turn its *failed* into
   * *passed* whenever the mean reaches it.
   */
  masteryScore?: number;
}

export interface ManifestInput {
  identifier: string;
  title: string;
  version: PackageVersion;
  scos: Sco[];
  /** Files every SCO loads (scripts, styles), relative to the package root. */
  sharedFiles: string[];
}

/** The schema files each manifest names in xsi:schemaLocation; they ship at the package root. */
export const SCHEMA_FILES: Record<PackageVersion, string[]> = {
  '1.2': ['imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'ims_xml.xsd'],
  '2004': [
    'imscp_v1p1.xsd',
    'adlcp_v1p3.xsd',
    'adlseq_v1p3.xsd',
    'adlnav_v1p3.xsd',
    'imsss_v1p0.xsd',
    'imsss_v1p0auxresource.xsd',
    'imsss_v1p0control.xsd',
    'imsss_v1p0delivery.xsd',
    'imsss_v1p0limit.xsd',
    'imsss_v1p0objective.xsd',
    'imsss_v1p0random.xsd',
    'imsss_v1p0rollup.xsd',
    'imsss_v1p0seqrule.xsd',
    'imsss_v1p0util.xsd',
    'xml.xsd',
  ],
};

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Titles in the LMS are shown to everyone, so they carry both languages. */
export function bilingualTitle(title: { en: string; es: string }): string {
  return title.en === title.es ? title.en : `${title.en} / ${title.es}`;
}

export function moduleSco(module: ModuleSummary, href: string): Sco {
  return { id: module.id, title: `${module.number}. ${bilingualTitle(module.title)}`, href, masteryScore: module.masteryScore };
}

export function courseSco(course: CourseIndex, href: string): Sco {
  return { id: 'course', title: bilingualTitle(course.title), href };
}

const SHARED_RESOURCE = 'res-shared';

export function buildManifest(input: ManifestInput): string {
  return input.version === '1.2' ? manifest12(input) : manifest2004(input);
}

/** One resource per SCO, each depending on the shared files. (1.2 spells the attribute scormtype, 2004 scormType.) */
function scoResources(scos: Sco[], scormTypeAttribute: 'scormtype' | 'scormType'): string {
  return scos
    .map(
      (sco) => `    <resource identifier="res-${sco.id}" type="webcontent" adlcp:${scormTypeAttribute}="sco" href="${escapeXml(sco.href)}">
      <file href="${escapeXml(sco.href)}"/>
      <dependency identifierref="${SHARED_RESOURCE}"/>
    </resource>`,
    )
    .join('\n');
}

function fileList(files: string[], indent: string): string {
  return files.map((f) => `${indent}<file href="${escapeXml(f)}"/>`).join('\n');
}

function manifest12({ identifier, title, scos, sharedFiles }: ManifestInput): string {
  const items = scos
    .map(
      (sco) => `      <item identifier="item-${sco.id}" identifierref="res-${sco.id}" isvisible="true">
        <title>${escapeXml(sco.title)}</title>${sco.masteryScore === undefined ? '' : `
        <adlcp:masteryscore>${sco.masteryScore}</adlcp:masteryscore>`}
      </item>`,
    )
    .join('\n');
  const resources = scoResources(scos, 'scormtype');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${escapeXml(identifier)}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org-${escapeXml(identifier)}">
    <organization identifier="org-${escapeXml(identifier)}">
      <title>${escapeXml(title)}</title>
${items}
    </organization>
  </organizations>
  <resources>
${resources}
    <resource identifier="${SHARED_RESOURCE}" type="webcontent" adlcp:scormtype="asset">
${fileList(sharedFiles, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

function manifest2004({ identifier, title, scos, sharedFiles }: ManifestInput): string {
  const items = scos
    .map(
      (sco) => `      <item identifier="item-${sco.id}" identifierref="res-${sco.id}" isvisible="true">
        <title>${escapeXml(sco.title)}</title>${sco.masteryScore === undefined ? '' : `
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="${escapeXml(sco.id)}" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${(sco.masteryScore / 100).toFixed(2)}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>`}
      </item>`,
    )
    .join('\n');
  const resources = scoResources(scos, 'scormType');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${escapeXml(identifier)}" version="1.0"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="org-${escapeXml(identifier)}">
    <organization identifier="org-${escapeXml(identifier)}">
      <title>${escapeXml(title)}</title>
${items}
      <imsss:sequencing>
        <imsss:controlMode choice="true" flow="true"/>
      </imsss:sequencing>
    </organization>
  </organizations>
  <resources>
${resources}
    <resource identifier="${SHARED_RESOURCE}" type="webcontent" adlcp:scormType="asset">
${fileList(sharedFiles, '      ')}
    </resource>
  </resources>
</manifest>
`;
}
