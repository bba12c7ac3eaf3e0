import { z } from 'zod';
import { refusal } from '@medgrid/errors';
import { type BasisPoints } from '../../common/domain/share';
import { type InstitutionLevel } from '../../common/domain/insurance';

/** The level factors of a disease-group table as a request carries them; each is checked 0-100% by the table. */
export const levelFactorsField = z
  .object({ primaryBp: z.number(), secondaryBp: z.number(), tertiaryBp: z.number() })
  .optional()
  .refine((v) => v !== undefined, refusal('REQUIRED', 'the level factors are required'))
  .transform((v): Record<InstitutionLevel, BasisPoints> => ({
    primary: v.primaryBp as BasisPoints,
    secondary: v.secondaryBp as BasisPoints,
    tertiary: v.tertiaryBp as BasisPoints,
  }));
