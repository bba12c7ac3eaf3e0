import { Injectable } from '@nestjs/common';
import { GeographyRepository } from '../../organisation/domain/geography.repository';
import { MedicalGroupRepository } from '../../organisation/domain/medical-group.repository';
import { ResidentError, ResidentErrorCode } from '../domain/resident-error';

/** The grids residents live in, and the groups that serve them. */
@Injectable()
export class ResidentGrids {
  constructor(
    private readonly geography: GeographyRepository,
    private readonly groups: MedicalGroupRepository,
  ) {}

  /** The grid's id; UNKNOWN_GRID on `gridId` when there is none. */
  async require(gridId: string): Promise<string> {
    const grid = await this.geography.findGrid(gridId);
    if (!grid) throw new ResidentError(ResidentErrorCode.UnknownGrid, 'no grid with this id', 'gridId');
    return grid.id;
  }

  /** The group serving a grid, if it has one yet. */
  servingGroup(gridId: string): Promise<string | null> {
    return this.groups.findIdByGrid(gridId);
  }

  /** The group serving a grid (null while it has none); undefined when there is no such grid. */
  async servingGroupIfKnown(gridId: string): Promise<string | null | undefined> {
    if (!(await this.geography.findGrid(gridId))) return undefined;
    return this.groups.findIdByGrid(gridId);
  }
}
