import { randomUUID } from 'node:crypto';
import { peopleV1 } from '@medgrid/contracts';
import { type KnownPractitioner, type RegistryView } from '../registry-view';
import { PractitionerChangedKafkaConsumer } from './practitioner-changed.kafka.consumer';

describe(PractitionerChangedKafkaConsumer.name, () => {
  function consumer(): { sut: PractitionerChangedKafkaConsumer; kept: KnownPractitioner[] } {
    const kept: KnownPractitioner[] = [];
    const view = {
      upsertPractitioner: (value: KnownPractitioner) => {
        kept.push(value);
        return Promise.resolve();
      },
    } as unknown as RegistryView;
    return { sut: new PractitionerChangedKafkaConsumer(view), kept };
  }

  const practitioner = (overrides: Partial<peopleV1.Practitioner> = {}): peopleV1.Practitioner => ({
    id: randomUUID(),
    licenceNumber: '110320100001234',
    name: '张医生',
    title: peopleV1.PractitionerTitle.PRACTITIONER_TITLE_ASSOCIATE_CHIEF,
    specialtyCode: '12.02',
    homeInstitutionId: randomUUID(),
    version: 4,
    ...overrides,
  });

  it('keeps the practitioner with their title, specialty, home institution and version', async () => {
    const { sut, kept } = consumer();
    const changed = practitioner();

    await sut.handle({ practitioner: changed });

    expect(kept).toEqual([
      {
        id: changed.id,
        licenceNumber: changed.licenceNumber,
        name: changed.name,
        title: 'associate-chief',
        specialtyCode: '12.02',
        homeInstitutionId: changed.homeInstitutionId,
        version: 4,
      },
    ]);
  });

  it('keeps a title it does not know as unknown', async () => {
    const { sut, kept } = consumer();

    await sut.handle({ practitioner: practitioner({ title: 99 as peopleV1.PractitionerTitle }) });

    expect(kept.map((p) => p.title)).toEqual(['unknown']);
  });

  it('ignores an event without a practitioner id or home institution', async () => {
    const { sut, kept } = consumer();

    await sut.handle({ practitioner: undefined });
    await sut.handle({ practitioner: practitioner({ id: '' }) });
    await sut.handle({ practitioner: practitioner({ homeInstitutionId: '' }) });

    expect(kept).toEqual([]);
  });
});
