import { Injectable } from '@nestjs/common';
import { mapUniqueViolations, UnitOfWork } from '@medgrid/database';
import { type City, type Department, type Grid } from '../../domain/geography';
import { GeographyRepository } from '../../domain/geography.repository';
import { OrganisationError, OrganisationErrorCode } from '../../domain/organisation-error';
import { CityOrmEntity } from './city.orm-entity';
import { DepartmentOrmEntity } from './department.orm-entity';
import {
  cityFromEntity,
  cityToEntity,
  departmentFromEntity,
  departmentToEntity,
  gridFromEntity,
  gridToEntity,
} from './geography.mapper';
import { GridOrmEntity } from './grid.orm-entity';

/** Cities, grids and departments in PostgreSQL; every method joins the current UnitOfWork transaction. */
@Injectable()
export class GeographyTypeormRepository extends GeographyRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  private get db() {
    return this.uow.manager();
  }

  async insertCity(city: City): Promise<void> {
    await mapUniqueViolations(() => this.db.insert(CityOrmEntity, cityToEntity(city)), {
      city_division_code_uq: () =>
        new OrganisationError(
          OrganisationErrorCode.DuplicateDivisionCode,
          'a city with this division code exists',
          'divisionCode',
        ),
    });
  }

  async findCity(id: string): Promise<City | null> {
    const entity = await this.db.findOneBy(CityOrmEntity, { id });
    return entity ? cityFromEntity(entity) : null;
  }

  async insertGrid(grid: Grid): Promise<void> {
    await mapUniqueViolations(() => this.db.insert(GridOrmEntity, gridToEntity(grid)), {
      grid_city_code_uq: () =>
        new OrganisationError(
          OrganisationErrorCode.DuplicateGridCode,
          'the city already has a grid with this code',
          'code',
        ),
    });
  }

  async findGrid(id: string): Promise<Grid | null> {
    const entity = await this.db.findOneBy(GridOrmEntity, { id });
    return entity ? gridFromEntity(entity) : null;
  }

  async listGrids(cityId: string): Promise<Grid[]> {
    const entities = await this.db.find(GridOrmEntity, { where: { cityId }, order: { code: 'ASC' } });
    return entities.map(gridFromEntity);
  }

  async insertDepartment(department: Department): Promise<void> {
    await mapUniqueViolations(() => this.db.insert(DepartmentOrmEntity, departmentToEntity(department)), {
      department_institution_name_uq: () =>
        new OrganisationError(
          OrganisationErrorCode.DuplicateDepartment,
          'the institution already has a department of this name',
          'name',
        ),
    });
  }

  async listDepartments(institutionId: string): Promise<Department[]> {
    const entities = await this.db.find(DepartmentOrmEntity, {
      where: { institutionId },
      order: { specialtyCode: 'ASC', name: 'ASC' },
    });
    return entities.map(departmentFromEntity);
  }
}
