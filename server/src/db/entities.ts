import { Municipality } from '../modules/organisation/municipality.entity.js';
import { Settlement } from '../modules/organisation/settlement.entity.js';
import { Sector } from '../modules/organisation/sector.entity.js';
import { Category } from '../modules/organisation/category.entity.js';
import { Department } from '../modules/organisation/department.entity.js';
import { User } from '../modules/users/user.entity.js';
import { UserSession } from '../modules/auth/session.entity.js';
import { ApiToken } from '../modules/auth/api-token.entity.js';

/** Every entity of the application. Add a new one here and create a migration (`pnpm migration:create`). */
export const entities = [Municipality, Settlement, Sector, Category, Department, User, UserSession, ApiToken];
