import { type City, type Department, type Grid } from './geography';

/** Persistence port of the city's map: cities, their grids, and institutions' departments. */
export abstract class GeographyRepository {
  /** Refuses a second city of one division code (DUPLICATE_DIVISION_CODE). */
  abstract insertCity(city: City): Promise<void>;
  abstract findCity(id: string): Promise<City | null>;
  /** Refuses a second grid of one code in a city (DUPLICATE_GRID_CODE). */
  abstract insertGrid(grid: Grid): Promise<void>;
  abstract findGrid(id: string): Promise<Grid | null>;
  /** A city's grids by code. */
  abstract listGrids(cityId: string): Promise<Grid[]>;
  /** Refuses a second department of one name at an institution (DUPLICATE_DEPARTMENT). */
  abstract insertDepartment(department: Department): Promise<void>;
  /** An institution's departments by specialty code, then name. */
  abstract listDepartments(institutionId: string): Promise<Department[]>;
}
