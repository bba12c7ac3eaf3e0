import { claimServiceV1, paymentV1 } from '@medgrid/contracts';
import { now } from '../../enrolment/test/enrolment.factory';
import { claimViolations } from '../domain/claim-submission';
import { aClaim } from '../test/claim.factory';
import { claimContentFromProto, claimContentToProto } from './claim.proto-mapper';

describe(claimContentFromProto.name, () => {
  const sut = claimContentFromProto;

  it('reads back what claimContentToProto wrote: an inpatient stay with its days, no disease group, no referral', () => {
    const {
      institutionId: _i,
      institutionLevel: _l,
      ...content
    } = aClaim({
      encounter: { kind: 'inpatient', days: 4 },
      diseaseGroup: null,
      referralId: null,
    });

    expect(sut(claimContentToProto(aClaim({ ...content })))).toEqual(content);
  });

  it('reads an encounter or a line kind left UNSPECIFIED as a value the claim refuses, naming the field', () => {
    const claim = sut(
      claimServiceV1.ClaimContent.fromPartial({
        ...claimContentToProto(aClaim()),
        encounter: paymentV1.EncounterKind.ENCOUNTER_KIND_UNSPECIFIED,
        lines: [
          {
            code: 'X',
            kind: claimServiceV1.LineKind.LINE_KIND_UNSPECIFIED,
            quantity: 1,
            unitPrice: 1,
            amount: 1,
          },
        ],
      }),
    )!;

    const fields = claimViolations({ ...aClaim(), ...claim }, now).map((v) => v.field);
    expect(fields).toEqual(['encounter.kind', 'lines[0].kind']);
  });
});
