import { type City, type Department, type Grid } from '../../domain/geography';
import { type CityOrmEntity } from './city.orm-entity';
import { type DepartmentOrmEntity } from './department.orm-entity';
import { type GridOrmEntity } from './grid.orm-entity';

// Every field is spelled out in both directions (no spreads), so a column added to an entity
// or a field added to the domain type does not compile until it is mapped.

export function cityToEntity(city: City): CityOrmEntity {
  return { id: city.id, divisionCode: city.divisionCode, name: city.name };
}

export function cityFromEntity(entity: CityOrmEntity): City {
  return { id: entity.id, divisionCode: entity.divisionCode, name: entity.name };
}

export function gridToEntity(grid: Grid): GridOrmEntity {
  return { id: grid.id, cityId: grid.cityId, code: grid.code, name: grid.name };
}

export function gridFromEntity(entity: GridOrmEntity): Grid {
  return { id: entity.id, cityId: entity.cityId, code: entity.code, name: entity.name };
}

export function departmentToEntity(department: Department): DepartmentOrmEntity {
  return {
    id: department.id,
    institutionId: department.institutionId,
    specialtyCode: department.specialtyCode,
    name: department.name,
  };
}

export function departmentFromEntity(entity: DepartmentOrmEntity): Department {
  return {
    id: entity.id,
    institutionId: entity.institutionId,
    specialtyCode: entity.specialtyCode,
    name: entity.name,
  };
}
