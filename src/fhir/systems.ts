/**
 * The system and profile URLs of HL7 Belgium's FHIR R4 guides (core, MyCareNet, eTariff) that
 * nomen reads and writes, and the few systems of nomen's own vocabulary (specialties,
 * qualifications, documents, approvals, hospital services: the contract's words, which no
 * Belgian code system holds; `urn:nomen:` marks them as nomen's, not an official system).
 */
const BE = 'https://www.ehealth.fgov.be/standards/fhir';

export const SYSTEMS = {
  /** NIHDI (INAMI/RIZIV) nomenclature codes. */
  nomenclature: `${BE}/core/NamingSystem/be-ns-nihdi-nomenclature`,
  /** Providers' NIHDI (INAMI/RIZIV) numbers. */
  nihdi: `${BE}/core/NamingSystem/nihdi`,
  /** Adjudication decisions (`tariff`, `refusal`, `agreement`, …). */
  decision: `${BE}/mycarenet/CodeSystem/decision-values`,
  /** eTarif refusal values (001–010). */
  refusal: `${BE}/etariff/CodeSystem/be-cs-refusal-values`,
  /** HL7's claim information categories (supportingInfo.category): `hospitalized`, `attachment`, `info`, … */
  infoCategory: 'http://terminology.hl7.org/CodeSystem/claiminformationcategory',
  /** HL7's care team roles: `primary`, `assist`, `supervisor`, `other`. */
  careTeamRole: 'http://terminology.hl7.org/CodeSystem/claimcareteamrole',
  /** SNOMED CT (laterality of item.bodySite: 7771000 left, 24028007 right). */
  snomed: 'http://snomed.info/sct',
  /** nomen's vocabulary (contract §4). */
  specialty: 'urn:nomen:specialty',
  qualification: 'urn:nomen:qualification',
  document: 'urn:nomen:document',
  approval: 'urn:nomen:approval',
  hospitalService: 'urn:nomen:hospital-service',
} as const;

export const PROFILES = {
  claim: `${BE}/etariff/StructureDefinition/be-etariff-claim`,
  claimResponse: `${BE}/etariff/StructureDefinition/be-etariff-claimresponse`,
} as const;

export const EXTENSIONS = {
  /** addItem: the reimbursement (Money). */
  reimbursement: `${BE}/mycarenet/StructureDefinition/be-ext-mycarenet-item-reimbursement`,
  /** addItem: the patient's fee (Money). */
  patientFee: `${BE}/mycarenet/StructureDefinition/be-ext-mycarenet-item-patientfee`,
  /** addItem.adjudication of a refusal: the earlier service that caused it (its code, as a CodeableConcept). */
  refusalService: `${BE}/etariff/StructureDefinition/be-ext-etariff-adjudication-refusalserviceidentifier`,
  /** addItem.adjudication of a refusal: the date of that earlier service. */
  refusalDate: `${BE}/etariff/StructureDefinition/be-ext-etariff-adjudication-refusalservicedate`,
} as const;

/** SNOMED CT laterality qualifiers → the contract's `side`. */
export const LATERALITY: ReadonlyMap<string, 'left' | 'right'> = new Map([
  ['7771000', 'left'],
  ['24028007', 'right'],
]);

/** Media type of FHIR JSON. */
export const FHIR_JSON = 'application/fhir+json';
