import { type criteriaServiceV1, referralV1 } from '@medgrid/contracts';
import { type CriteriaView } from '../application/criteria-view';
import {
  type CriteriaSourceKind,
  type DiseaseCriteriaInput,
  GREEN_CHANNELS,
  type GreenChannel,
} from '../domain/disease-criteria';

const { GreenChannel: ProtoChannel } = referralV1;

const CHANNELS: Record<GreenChannel, referralV1.GreenChannel> = {
  none: ProtoChannel.GREEN_CHANNEL_UNSPECIFIED,
  'chest-pain': ProtoChannel.GREEN_CHANNEL_CHEST_PAIN,
  stroke: ProtoChannel.GREEN_CHANNEL_STROKE,
};

export const greenChannelToProto = (channel: GreenChannel): referralV1.GreenChannel => CHANNELS[channel];

/** The channel of a proto value; undefined for a value this service does not know, which the entry refuses. */
export const greenChannelFromProto = (channel: referralV1.GreenChannel): GreenChannel | undefined =>
  GREEN_CHANNELS.find((known) => CHANNELS[known] === channel);

export function criteriaToProto(view: CriteriaView): criteriaServiceV1.DiseaseCriteria {
  const { entry } = view;
  return {
    key: view.key,
    covers: [...entry.covers],
    nameZh: entry.nameZh,
    nameEn: entry.nameEn,
    specialtyCode: entry.specialtyCode,
    primaryManageable: entry.primaryManageable,
    greenChannel: greenChannelToProto(entry.greenChannel),
    upwardIndications: entry.upwardIndications.map((c) => ({ ...c })),
    downwardCriteria: entry.downwardCriteria.map((c) => ({ ...c })),
    sources: entry.sources.map((s) => ({ ...s })),
    updatedAt: view.updatedAt,
  };
}

/** A catalogue entry as a caller sent it (key and updatedAt are the catalogue's), unchecked. */
export function criteriaInputFromProto(
  entry: criteriaServiceV1.DiseaseCriteria | undefined,
): DiseaseCriteriaInput | undefined {
  return (
    entry && {
      covers: entry.covers,
      nameZh: entry.nameZh,
      nameEn: entry.nameEn,
      specialtyCode: entry.specialtyCode,
      primaryManageable: entry.primaryManageable,
      greenChannel: greenChannelFromProto(entry.greenChannel) as GreenChannel,
      upwardIndications: entry.upwardIndications,
      downwardCriteria: entry.downwardCriteria,
      sources: entry.sources.map((s) => ({ ...s, kind: s.kind as CriteriaSourceKind })),
    }
  );
}
