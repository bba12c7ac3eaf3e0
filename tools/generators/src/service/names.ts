/** The spellings of a service name the generated files need. */
export interface ServiceNames {
  /** lab-sharing: folder, npm package (@medgrid/lab-sharing), chart, runService name, metrics label. */
  readonly name: string;
  /** LabSharing: classes and the proto service (LabSharingService). */
  readonly className: string;
  /** labSharing: functions and the contracts namespace (labSharingServiceV1). */
  readonly propertyName: string;
  /** lab_sharing: proto package (medgrid.lab_sharing.v1), its folder, the database (medgrid_lab_sharing). */
  readonly snakeName: string;
}

export const KEBAB_CASE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export function serviceNames(name: string): ServiceNames {
  if (!KEBAB_CASE.test(name))
    throw new Error(`service name "${name}" must be lower-case kebab-case, e.g. lab-sharing`);
  const words = name.split('-');
  const capitalised = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  return {
    name,
    className: capitalised.join(''),
    propertyName: words[0] + capitalised.slice(1).join(''),
    snakeName: words.join('_'),
  };
}
