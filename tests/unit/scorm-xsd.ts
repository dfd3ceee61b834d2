/**
 * Validates a manifest against the official SCORM XSDs with libxml2 compiled to WebAssembly.
 * The SCORM 1.2 metadata schema (imsmd) is not imported: this libxml2 build rejects its
 * non-deterministic content model outright, and our manifests carry no IMS metadata. The
 * package still ships it, and .ci/run's native xmllint check loads it too.
 */
import { validateXML } from 'xmllint-wasm';

export interface SchemaFile {
  fileName: string;
  contents: string;
}

const ENTRY: Record<'1.2' | '2004', string> = {
  '1.2': `<?xml version="1.0"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2" schemaLocation="imscp_rootv1p1p2.xsd"/>
  <xsd:import namespace="http://www.adlnet.org/xsd/adlcp_rootv1p2" schemaLocation="adlcp_rootv1p2.xsd"/>
</xsd:schema>`,
  '2004': `<?xml version="1.0"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="http://www.imsglobal.org/xsd/imscp_v1p1" schemaLocation="imscp_v1p1.xsd"/>
  <xsd:import namespace="http://www.adlnet.org/xsd/adlcp_v1p3" schemaLocation="adlcp_v1p3.xsd"/>
  <xsd:import namespace="http://www.adlnet.org/xsd/adlseq_v1p3" schemaLocation="adlseq_v1p3.xsd"/>
  <xsd:import namespace="http://www.adlnet.org/xsd/adlnav_v1p3" schemaLocation="adlnav_v1p3.xsd"/>
  <xsd:import namespace="http://www.imsglobal.org/xsd/imsss" schemaLocation="imsss_v1p0.xsd"/>
</xsd:schema>`,
};

/**
 * @param schemas the package's own schema files (name → text); the one remote import in the
 * 2004 set (the W3C xml.xsd, by URL) is pointed at the local copy, since tests never use the network.
 */
export async function validateManifest(version: '1.2' | '2004', manifest: string, schemas: SchemaFile[]): Promise<string[]> {
  const preload = schemas.map((s) => ({
    fileName: s.fileName,
    contents: s.contents
      .replace('schemaLocation="http://www.w3.org/2001/xml.xsd"', 'schemaLocation="xml.xsd"')
      // SCORM 1.2's ims_xml.xsd binds the xml namespace as the default one, which libxml2 calls a
      // namespace error and this wasm build treats as fatal; the binding is unused, so drop it here.
      .replace(/(<xsd:schema[^>]*?)\sxmlns="http:\/\/www\.w3\.org\/XML\/1998\/namespace"/, '$1'),
  }));
  const result = await validateXML({
    xml: [{ fileName: 'imsmanifest.xml', contents: manifest }],
    schema: [{ fileName: 'entry.xsd', contents: ENTRY[version] }],
    preload,
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}
